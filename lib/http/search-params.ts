/** One value of a page's search parameter: the first when the address repeats it. */
export const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
