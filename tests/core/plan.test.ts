import { describe, expect, it } from 'vitest';
import type { Plan, PlanItem } from '../../shared/plan';
import { firmInput, testCore, traineeInput } from './helpers';

const items = (p: Plan): PlanItem[] => p.positions.flatMap((x) => x.items);
const fixedNow = (iso: string) => () => new Date(`${iso}T10:00:00Z`);

async function setup(now = '2026-07-01', over: Record<string, unknown> = {}) {
  const c = testCore({ now: fixedNow(now) });
  const firm = await c.call('firm.save', firmInput());
  const t = await c.call('trainees.create', traineeInput(over));
  const plan = await c.call('plan.create', { traineeId: t.id });
  return { c, t, plan, trainerId: firm.trainers[0]!.id };
}

describe('training plan', () => {
  it('is created from the template: every position and skill, scheduled into the contract by the time guide values', async () => {
    const { c, plan } = await setup();
    const template = await c.call('occupations.template', { occupationId: 'tischler' });
    expect(plan.positions.map((p) => p.number)).toEqual(template.positions.map((p) => p.number));
    expect(plan.regulation.short).toBe('TischlAusbV');
    expect(plan.months).toHaveLength(36);
    for (const p of template.positions) {
      const planned = plan.positions.find((x) => x.number === p.number)!;
      // every skill is planned exactly once
      expect(planned.items.flatMap((i) => i.itemKeys).sort()).toEqual(p.items.map((i) => i.key).sort());
      expect(planned.items.reduce((s, i) => s + i.weeks, 0)).toBe(p.timeGuide.reduce((s, g) => s + g.weeks, 0));
    }
    for (const i of items(plan)) {
      expect(i.plannedFrom >= '2026-08-01' && i.plannedTo <= '2029-07-31' && i.plannedFrom <= i.plannedTo).toBe(true);
      expect(i.status).toBe('planned');
      // whole training months
      expect(plan.months.some((m) => m.from === i.plannedFrom)).toBe(true);
      expect(plan.months.some((m) => m.to === i.plannedTo)).toBe(true);
      if (i.templatePeriod === 'p1') expect(i.plannedTo <= '2028-01-31').toBe(true);
      if (i.templatePeriod === 'p2') expect(i.plannedFrom >= '2028-02-01').toBe(true);
    }
    // throughout-training positions span the whole contract
    const p1 = plan.positions.find((p) => p.number === '1')!;
    expect(p1.throughout).toBe(true);
    expect(p1.items[0]).toMatchObject({ plannedFrom: '2026-08-01', plannedTo: '2029-07-31' });
    expect(plan.history[0]).toMatchObject({ kind: 'created' });
    expect((await c.fail('plan.create', { traineeId: plan.traineeId })).code).toBe('plan_exists');
  });

  it('scales the periods to a shortened contract (30 instead of 36 months)', async () => {
    const { plan } = await setup('2026-07-01', { contractEndPlanned: '2029-01-31' });
    expect(plan.months).toHaveLength(30);
    for (const i of items(plan)) {
      expect(i.plannedTo <= '2029-01-31').toBe(true);
      if (i.templatePeriod === 'p1') expect(i.plannedTo <= '2027-10-31').toBe(true);
      if (i.templatePeriod === 'p2') expect(i.plannedFrom >= '2027-11-01').toBe(true);
    }
  });

  it('lets the supervisor move and split items, add firm-specific content and mark parts done outside the firm', async () => {
    const { c, t, plan, trainerId } = await setup('2027-03-15');
    const pos9 = plan.positions.find((p) => p.number === '9')!;
    const block = pos9.items.find((i) => i.templatePeriod === 'p1')!;
    let p = await c.call('plan.move', { id: block.id, plannedFrom: '2026-09-01', plannedTo: '2026-12-31' });
    expect(items(p).find((i) => i.id === block.id)).toMatchObject({ plannedFrom: '2026-09-01', plannedTo: '2026-12-31' });

    p = await c.call('plan.split', { id: block.id, itemKeys: ['h', 'i'], weeks: 3, plannedFrom: '2027-01-01', plannedTo: '2027-02-28' });
    const nine = p.positions.find((x) => x.number === '9')!.items;
    const old = nine.find((i) => i.id === block.id)!;
    const part = nine.find((i) => i.itemKeys.join() === 'h,i')!;
    expect(old.itemKeys).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(old.weeks + part.weeks).toBe(block.weeks);
    expect(part).toMatchObject({ weeks: 3, plannedFrom: '2027-01-01', plannedTo: '2027-02-28' });

    p = await c.call('plan.addPosition', { traineeId: t.id, number: 'F1', title: 'Küchenmontage beim Kunden' });
    p = await c.call('plan.addItem', { traineeId: t.id, positionNumber: 'F1', text: 'Arbeitsplatten zuschneiden und montieren', weeks: 2, plannedFrom: '2027-04-01', plannedTo: '2027-04-30' });
    const own = p.positions.find((x) => x.number === 'F1')!;
    expect(own.firmSpecific).toBe(true);
    expect(own.items[0]).toMatchObject({ text: 'Arbeitsplatten zuschneiden und montieren', firmSpecific: true });

    p = await c.call('plan.setStatus', { id: part.id, status: 'done', doneOn: '2027-02-20', confirmedBy: trainerId, place: 'ÜLU Holzbearbeitung, Bildungszentrum der Innung' });
    expect(items(p).find((i) => i.id === part.id)).toMatchObject({ status: 'done', doneOn: '2027-02-20', confirmedByName: 'Meister Muster', place: 'ÜLU Holzbearbeitung, Bildungszentrum der Innung', overdue: false });
    // a done item is not moved or split any more
    expect((await c.fail('plan.move', { id: part.id, plannedFrom: '2027-05-01', plannedTo: '2027-05-31' })).code).toBe('item_done');
    // the regulation's content cannot be removed, the firm's own can
    expect((await c.fail('plan.removeItem', { id: old.id })).code).toBe('template_item');
    p = await c.call('plan.removeItem', { id: own.items[0]!.id });
    expect(p.positions.find((x) => x.number === 'F1')!.items).toHaveLength(0);
    expect(p.history.map((h) => h.kind)).toEqual(['removed', 'status', 'added', 'added', 'split', 'moved', 'created']);
  });

  it('refuses bad plan input and changes nothing', async () => {
    const { c, t, plan, trainerId } = await setup();
    const before = JSON.stringify(await c.call('plan.get', { traineeId: t.id }));
    const id = items(plan).find((i) => i.templatePeriod === 'p1')!.id;
    const e1 = await c.fail('plan.addItem', { traineeId: t.id, positionNumber: '99', text: 'x', weeks: 1, plannedFrom: '2026-08-01', plannedTo: '2026-08-31' });
    expect(e1.issues).toEqual([expect.objectContaining({ path: ['positionNumber'], key: 'unknown_plan_position' })]);
    const e2 = await c.fail('plan.move', { id, plannedFrom: '2026-07-01', plannedTo: '2026-08-31' });
    expect(e2.issues?.[0]).toMatchObject({ path: ['plannedFrom'], key: 'outside_contract' });
    const e3 = await c.fail('plan.move', { id, plannedFrom: '2026-09-01', plannedTo: '2026-08-31' });
    expect(e3.issues?.[0]).toMatchObject({ path: ['plannedTo'], key: 'end_before_start' });
    const e4 = await c.fail('plan.split', { id, itemKeys: ['zz'], weeks: 1, plannedFrom: '2026-09-01', plannedTo: '2026-09-30' });
    expect(e4.issues?.[0]).toMatchObject({ key: 'unknown_item' });
    const e5 = await c.fail('plan.setStatus', { id, status: 'done' });
    expect(e5.issues?.map((i) => i.path[0])).toEqual(['doneOn', 'confirmedBy']);
    const e6 = await c.fail('plan.setStatus', { id, status: 'done', doneOn: '2026-06-01', confirmedBy: trainerId });
    expect(e6.issues?.[0]).toMatchObject({ path: ['doneOn'], key: 'before_contract' });
    const e7 = await c.fail('plan.addPosition', { traineeId: t.id, number: '9', title: 'doppelt' });
    expect(e7.issues?.[0]).toMatchObject({ key: 'duplicate_value' });
    expect(JSON.stringify(await c.call('plan.get', { traineeId: t.id }))).toBe(before);
  });

  it('shows progress per training year and per position, with what is overdue', async () => {
    const { c, t, plan, trainerId } = await setup('2027-03-15');
    const first = items(plan).filter((i) => i.templatePeriod === 'p1').sort((a, b) => (a.plannedTo < b.plannedTo ? -1 : 1));
    await c.call('plan.setStatus', { id: first[0]!.id, status: 'done', doneOn: '2026-09-30', confirmedBy: trainerId });
    await c.call('plan.setStatus', { id: first[1]!.id, status: 'in_progress' });
    const pr = await c.call('plan.progress', { traineeId: t.id });
    expect(pr.total.items).toBe(items(plan).length);
    expect(pr.total.done).toBe(1);
    expect(pr.total.inProgress).toBe(1);
    expect(pr.years.map((y) => y.year)).toEqual([1, 2, 3]);
    expect(pr.years[0]).toMatchObject({ from: '2026-08-01', to: '2027-07-31' });
    expect(pr.years.reduce((s, y) => s + y.items, 0) + pr.throughout.items).toBe(pr.total.items);
    const late = items(plan).filter((i) => i.plannedTo < '2027-03-15' && i.id !== first[0]!.id);
    expect(pr.overdue.map((o) => o.id).sort()).toEqual(late.map((i) => i.id).sort());
    expect(pr.total.overdue).toBe(late.length);
    expect(pr.positions.find((p) => p.number === first[0]!.positionNumber)!.done).toBe(1);
  });

  it('reschedules open items when the contract is extended after a failed exam, keeps done ones and records the change', async () => {
    const { c, t, plan, trainerId } = await setup('2029-06-15');
    const all = items(plan);
    const done = all.filter((i) => i.templatePeriod === 'p1');
    for (const d of done) await c.call('plan.setStatus', { id: d.id, status: 'done', doneOn: '2028-01-15', confirmedBy: trainerId });
    const before = await c.call('plan.get', { traineeId: t.id });
    await c.call('trainees.update', { ...traineeInput({ contractEndPlanned: '2030-01-31' }), id: t.id });
    const after = (await c.call('plan.get', { traineeId: t.id }))!;
    for (const d of done) expect(items(after).find((i) => i.id === d.id)).toEqual(items(before!).find((i) => i.id === d.id));
    const open = items(after).filter((i) => i.status !== 'done');
    expect(open.length).toBeGreaterThan(0);
    for (const o of open) {
      expect(o.plannedTo <= '2030-01-31').toBe(true);
      if (!after.positions.find((p) => p.number === o.positionNumber)!.throughout) expect(o.plannedFrom >= '2029-06-01').toBe(true);
      expect(o.overdue).toBe(false);
    }
    expect(after.history[0]).toMatchObject({ kind: 'contract', params: { endBefore: '2029-07-31', end: '2030-01-31', kept: done.length, rescheduled: open.length } });
  });

  it('plans what is open into the extension when the contract is extended after its planned end had passed', async () => {
    const { c, t } = await setup('2029-08-20');
    await c.call('trainees.update', { ...traineeInput({ contractEndPlanned: '2030-01-31' }), id: t.id });
    const after = (await c.call('plan.get', { traineeId: t.id }))!;
    for (const o of items(after)) {
      expect(o.plannedTo <= '2030-01-31').toBe(true);
      if (!after.positions.find((p) => p.number === o.positionNumber)!.throughout) expect(o.plannedFrom >= '2029-08-01').toBe(true);
    }
    expect(after.history[0]).toMatchObject({ kind: 'contract', params: { end: '2030-01-31', kept: 0 } });
  });

  it('moves the whole plan with the start date and compresses it into a shortened contract', async () => {
    const { c, t, plan } = await setup('2026-06-01');
    await c.call('trainees.update', { ...traineeInput({ contractStart: '2026-09-01', contractEndPlanned: '2029-02-28' }), id: t.id });
    const after = (await c.call('plan.get', { traineeId: t.id }))!;
    expect(items(after)).toHaveLength(items(plan).length);
    for (const i of items(after)) expect(i.plannedFrom >= '2026-09-01' && i.plannedTo <= '2029-02-28').toBe(true);
    // the order of the open items is kept
    const order = (p: Plan) => items(p).filter((i) => i.templatePeriod).sort((a, b) => (a.plannedFrom < b.plannedFrom ? -1 : a.plannedFrom > b.plannedFrom ? 1 : a.id - b.id)).map((i) => i.id);
    const o1 = order(plan);
    const o2 = order(after);
    expect(o2.indexOf(o1[0]!)).toBeLessThan(o2.indexOf(o1[o1.length - 1]!));
    expect(after.history[0]).toMatchObject({ kind: 'contract', params: { startBefore: '2026-08-01', start: '2026-09-01' } });
    // a change of something else than the contract is not recorded
    await c.call('trainees.update', { ...traineeInput({ contractStart: '2026-09-01', contractEndPlanned: '2029-02-28', phone: '0176 1' }), id: t.id });
    expect((await c.call('plan.get', { traineeId: t.id }))!.history).toHaveLength(2);
  });

  it('is removed with the trainee', async () => {
    const { c, t } = await setup();
    await c.call('trainees.delete', { id: t.id });
    const n = c.store.db.prepare('SELECT (SELECT count(*) FROM plan_items) + (SELECT count(*) FROM plan_positions) + (SELECT count(*) FROM plan_changes) AS n').get() as { n: number };
    expect(n.n).toBe(0);
  });
});
