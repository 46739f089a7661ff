/**
 * Field messages the API's generic checks give (namespace `fields`): the custom zod messages the
 * contracts name (`message: 'phone'`), path ids, text PostgreSQL cannot store, and constraint
 * violations the database caught. The API sends them by Accept-Language; the web's form adapter
 * (apps/web/src/lib/zod-form.ts) shows the same texts for the same zod issues.
 */
export const FIELD_MESSAGES = {
  zh: {
    phone: '请输入有效的手机号或固定电话',
    letters: '密码须包含字母',
    digits: '密码须包含数字',
    id: 'ID 必须是正整数',
    unstorableText: '不能包含空字符（U+0000）或不成对的 UTF-16 代理项',
    referenceMissing: '引用的记录不存在',
    outOfRange: '取值超出允许范围',
  },
  en: {
    phone: 'Enter a valid mobile or landline number',
    letters: 'The password must contain letters',
    digits: 'The password must contain digits',
    id: 'The id must be a positive integer',
    unstorableText: 'Must not contain a NUL character (U+0000) or a lone UTF-16 surrogate',
    referenceMissing: 'The referenced record does not exist',
    outOfRange: 'The value is out of the allowed range',
  },
} as const satisfies Record<'zh' | 'en', Record<string, string>>;

export type FieldMessageKey = keyof (typeof FIELD_MESSAGES)['zh'];

export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.hasOwn(FIELD_MESSAGES.zh, key);
}
