import type { MessageBundle } from '../types';

/** The referral import's file and row checks beyond the form's: encodings, names under another identity. */
export const referralImport = {
  sv: {
    'import.utf16':
      'Filen är sparad som {encoding} (Unicode), men importen läser UTF-8. Öppna den i Excel och välj Spara som → "CSV UTF-8 (kommaavgränsad)", eller i Anteckningar: Spara som med kodning UTF-8, och försök igen.',
    'import.nameDiffersFromRegister':
      'Numret tillhör redan {name} i registret. Anmälan kopplas till den patienten och namnet i filen sparas inte: kontrollera att det är samma person.',
    'import.nameDiffersInFile':
      'Numret står på rad {row} med namnet {name}. Båda raderna kopplas till samma patient med namnet från rad {row}: kontrollera att det är samma person.',
    'import.warnings': 'Rader med varning: {n}. Läs dem innan du bekräftar.',
    'import.warningLabel': 'Varning',
  },
  en: {
    'import.utf16':
      'The file is saved as {encoding} (Unicode), but the import reads UTF-8. Open it in Excel and choose Save As → "CSV UTF-8 (Comma delimited)", or in Notepad: Save As with the encoding UTF-8, and try again.',
    'import.nameDiffersFromRegister':
      'The number already belongs to {name} in the register. The referral is linked to that patient and the name in the file is not saved: check that it is the same person.',
    'import.nameDiffersInFile':
      'The number is on row {row} with the name {name}. Both rows are linked to the same patient with the name from row {row}: check that it is the same person.',
    'import.warnings': 'Rows with a warning: {n}. Read them before you confirm.',
    'import.warningLabel': 'Warning',
  },
} satisfies MessageBundle;
