/** Client-side mirrors of the contracts' formats, for instant feedback; the API stays the judge. */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
