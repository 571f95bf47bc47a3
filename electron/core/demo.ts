// A realistic demo workspace: a carpentry with three trainers and trainees in three occupations,
// with different first languages and statuses. Refuses to touch a workspace that already has trainees.
import { AppError } from './errors';
import { saveFirm } from './firm/service';
import type { Store } from './store/db';
import { createTrainee, endTraining } from './trainees/service';
import { seedTrainingDemo } from './plan/demo';
import { seedImmigrationDemo } from './immigration/demo';
import { seedLanguageDemo } from './language/demo';
import { seedNetworkDemo } from './network/demo';
import { TraineeInput } from '../../shared/trainees';
import { FirmInput } from '../../shared/firm';

export interface DemoResult {
  trainees: { id: number; name: string; occupationId: string; status: string; firstLanguages: string[] }[];
}

const base = {
  probationMonths: 4,
  weeklyHours: 39,
  schoolDays: [2],
  otherLanguages: [],
  germanLevelDate: null,
  phone: null,
  email: null,
  notes: null,
};

export function createDemo(store: Store, now = new Date()): DemoResult {
  const { db } = store;
  const count = (db.prepare('SELECT count(*) AS n FROM trainees').get() as { n: number }).n;
  if (count > 0) throw new AppError('workspace_not_empty', `The workspace already has ${count} trainees; demo data goes into an empty workspace only`, { count });
  return db.transaction(() => {
    saveFirm(
      db,
      FirmInput.parse({
        name: 'Tischlerei & Haustechnik Krämer GmbH',
        street: 'Werkstattweg 12',
        zip: '22761',
        city: 'Hamburg',
        phone: '040 123456-0',
        email: 'ausbildung@kraemer-handwerk.de',
        betriebsnummer: '12345678',
        chamber: 'Handwerkskammer Hamburg',
        chamberMemberNo: 'HH-0815-42',
        federalState: 'HH',
        legalForm: 'gmbh',
        registerCourt: 'Amtsgericht Hamburg',
        registerNumber: 'HRB 123456',
        managingDirectors: 'Jens Krämer',
        vatId: 'DE123456789',
        trainers: [
          { name: 'Jens Krämer', role: 'Tischlermeister, Geschäftsführer', aevo: true },
          { name: 'Aylin Demir', role: 'Elektrotechnikmeisterin', aevo: true },
          { name: 'Piotr Nowak', role: 'Anlagenmechaniker, Geselle', aevo: false },
        ],
      }),
      now,
    );
    const people = [
      {
        ...base,
        firstName: 'Ahmad',
        lastName: 'Rahimi',
        dateOfBirth: '2003-04-17',
        nationality: 'afghanisch',
        firstLanguages: ['prs'],
        otherLanguages: ['fa', 'en'],
        germanLevel: 'B1',
        germanLevelDate: '2025-06-20',
        germanLevelSource: 'telc Deutsch B1',
        address: 'Stresemannstraße 88, 22769 Hamburg',
        occupationId: 'tischler',
        contractStart: '2025-08-01',
        contractEndPlanned: '2028-07-31',
        payPerYear: [1020, 1120, 1240],
        chamberRegistrationDate: '2025-08-12',
        chamberRegistrationNo: 'HWK-HH-2025-1187',
        priorExperience: 'Drei Jahre Mitarbeit in der Werkstatt des Onkels in Herat: Möbelreparatur, Handhobel, Sägen, Oberflächen mit Öl.',
      },
      {
        ...base,
        firstName: 'Yusuf',
        lastName: 'Haddad',
        dateOfBirth: '2001-11-02',
        nationality: 'syrisch',
        firstLanguages: ['ar'],
        otherLanguages: ['en', 'tr'],
        germanLevel: 'A2',
        germanLevelDate: '2026-03-15',
        germanLevelSource: 'Einstufung Berufssprachkurs',
        address: 'Holstenstraße 5, 22767 Hamburg',
        occupationId: 'anlagenmechaniker-shk',
        contractStart: '2026-08-01',
        contractEndPlanned: '2030-01-31',
        schoolDays: [1, 4],
        payPerYear: [1000, 1080, 1180, 1250],
        chamberRegistrationDate: '2026-08-05',
        chamberRegistrationNo: 'HWK-HH-2026-0423',
        priorExperience: 'Zwei Jahre Helfer bei einem Installateur in Aleppo: Rohre schneiden und verpressen, Heizkörper montieren.',
      },
      {
        ...base,
        firstName: 'Saba',
        lastName: 'Tesfay',
        dateOfBirth: '2004-02-28',
        nationality: 'eritreisch',
        firstLanguages: ['ti'],
        otherLanguages: ['en'],
        germanLevel: 'A2',
        germanLevelSource: 'Integrationskurs',
        address: 'Billstedter Hauptstraße 40, 22111 Hamburg',
        occupationId: 'elektroniker-eg',
        contractStart: '2026-08-01',
        contractEndPlanned: '2030-01-31',
        payPerYear: [1010, 1090, 1170, 1240],
        chamberRegistrationDate: null,
        chamberRegistrationNo: null,
        priorExperience: 'Handyreparatur im Laden eines Bekannten; Grundkenntnisse Löten.',
      },
      {
        ...base,
        firstName: 'Olena',
        lastName: 'Kovalenko',
        dateOfBirth: '1999-07-09',
        nationality: 'ukrainisch',
        firstLanguages: ['uk'],
        otherLanguages: ['ru', 'en'],
        germanLevel: 'B2',
        germanLevelDate: '2025-01-30',
        germanLevelSource: 'Goethe-Zertifikat B2',
        address: 'Wandsbeker Chaussee 200, 22089 Hamburg',
        occupationId: 'tischler',
        contractStart: '2024-08-01',
        contractEndPlanned: '2027-01-31',
        probationMonths: 3,
        payPerYear: [980, 1080, 1200],
        chamberRegistrationDate: '2024-08-09',
        chamberRegistrationNo: 'HWK-HH-2024-0977',
        priorExperience: 'Studium Innenarchitektur (Kyjiw, 2 Jahre); CAD-Kenntnisse. Ausbildung um 6 Monate verkürzt.',
      },
      {
        ...base,
        firstName: 'Mohammad',
        lastName: 'Karimi',
        dateOfBirth: '2002-09-14',
        nationality: 'afghanisch',
        firstLanguages: ['ps'],
        otherLanguages: ['prs'],
        germanLevel: 'A2',
        germanLevelSource: 'Einstufung Sprachschule',
        address: 'Kirchenallee 9, 20099 Hamburg',
        occupationId: 'elektroniker-eg',
        contractStart: '2025-08-01',
        contractEndPlanned: '2029-01-31',
        payPerYear: [1010, 1090, 1170, 1240],
        chamberRegistrationDate: '2025-08-20',
        chamberRegistrationNo: 'HWK-HH-2025-1302',
        priorExperience: 'Elektrohelfer auf Baustellen im Iran (1 Jahr).',
      },
    ];
    const created = people.map((p) => createTrainee(db, TraineeInput.parse(p), now));
    const karimi = created[4]!;
    seedImmigrationDemo(db, created, now);
    endTraining(db, { id: karimi.id, kind: 'early', date: '2026-11-13', reason: 'Aufhebungsvertrag auf Wunsch des Auszubildenden (Umzug zur Familie nach Köln)' }, now);
    seedTrainingDemo(db, now);
    seedLanguageDemo(db, created, now);
    seedNetworkDemo(db, created, now);
    return {
      trainees: db
        .prepare('SELECT id, first_name, last_name, occupation_id, status, first_languages FROM trainees ORDER BY id')
        .all()
        .map((r) => {
          const row = r as { id: number; first_name: string; last_name: string; occupation_id: string; status: string; first_languages: string };
          return { id: row.id, name: `${row.first_name} ${row.last_name}`, occupationId: row.occupation_id, status: row.status, firstLanguages: JSON.parse(row.first_languages) as string[] };
        }),
    };
  })();
}
