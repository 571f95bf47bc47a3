// Page sizes of lists. Kept apart from the contracts (no zod here), so that the renderer's start page can use them
// without loading the contracts' schemas in its first script (ui_first_rows_ms in npm run bench).

/** Rows per page of the trainee list. */
export const TRAINEE_PAGE_SIZE = 50;
