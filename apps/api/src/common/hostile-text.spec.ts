import { findUnstorableText } from './hostile-text.js';

describe('findUnstorableText: NUL and lone surrogates anywhere', () => {
  it.each<[string, unknown, string | null]>([
    ['nothing', undefined, null],
    ['null', null, null],
    ['a number', 42, null],
    ['a clean string', '社区', null],
    ['a string with NUL', 'a\u0000b', '_'],
    ['a lone surrogate', '\ud800', '_'],
    ['a flat object of clean values', { id: '12', q: '龙城', n: 3 }, null],
    ['a flat object with NUL in a value', { id: '12', q: 'x\u0000' }, 'q'],
    ['a flat object with a lone surrogate in a key', { ['k\udc00']: 'v' }, 'k\udc00'],
    ['a nested object', { a: { b: ['ok', 'bad\u0000'] } }, 'a.b.1'],
    ['a flat object, then a nested one after the first value', { a: 'ok', b: { c: '\ud800' } }, 'b.c'],
    ['an array at the top', ['ok', { x: '\u0000' }], '1.x'],
    ['an empty object', {}, null],
  ])('%s', (_name, value, expected) => {
    expect(findUnstorableText(value)).toBe(expected);
  });

  it('names the path under a root', () => {
    expect(findUnstorableText({ name: '\u0000' }, 'body')).toBe('body.name');
    expect(findUnstorableText('\u0000', 'query')).toBe('query');
  });
});
