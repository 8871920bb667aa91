// The shape of a check's answer, shared by every form and its service: what is wrong, field by field,
// in Chinese. A field without a message is fine; the form shows each message at its field.

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

export const hasErrors = (errors: object): boolean => Object.keys(errors).length > 0;
