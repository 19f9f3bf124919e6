/** How many subjects the company page's sidebar lists before "see all". */
export const SIDEBAR_SUBJECTS = 10;
