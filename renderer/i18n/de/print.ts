// The German print namespace: the wording of the PDFs, kept in shared/printWords.ts (the core prints with it).
import print from '../../../shared/printWords';

export default print;
