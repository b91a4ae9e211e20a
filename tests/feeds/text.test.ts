import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/feeds/html-text.ts';
import { collapseWhitespace, decodeXmlEntities, stripSummaryTrailers, truncate } from '../../src/feeds/text.ts';
import { escapeBareAmpersands, readProlog } from '../../src/feeds/xml.ts';

describe('htmlToText', () => {
  it('drops tags, decodes entities and separates blocks', () => {
    expect(htmlToText('<p>One&nbsp;two</p><p>Three &amp; four&hellip;</p><ul><li>a</li><li>b</li></ul>')).toBe('One two Three & four… a b');
    expect(htmlToText('Line<br>break<br/>here')).toBe('Line break here');
    expect(htmlToText('in<b>line</b> <i>tags</i>')).toBe('inline tags');
  });

  it('leaves out scripts, styles and other invisible content', () => {
    expect(htmlToText('<p>Keep</p><script>alert("x")</script><style>p{}</style><noscript>no</noscript><template>t</template><p>this</p>')).toBe('Keep this');
  });

  it('copes with broken HTML and plain text', () => {
    expect(htmlToText('<p>Unclosed <b>bold')).toBe('Unclosed bold');
    expect(htmlToText('a < b and c > d')).toBe('a < b and c > d');
    expect(htmlToText('Plain   text\n with  spaces ')).toBe('Plain text with spaces');
    expect(htmlToText('')).toBe('');
  });

  it('ignores input beyond its limit', () => {
    expect(htmlToText('<p>abc</p><p>def</p>', 10)).toBe('abc');
  });
});

describe('text helpers', () => {
  it('decodes XML entities once, and nothing else', () => {
    expect(decodeXmlEntities('&lt;b&gt; &amp;amp; &quot;&apos; &#8217; &#x2014; &nbsp; &custom;')).toBe('<b> &amp; "\' ’ — &nbsp; &custom;');
    expect(decodeXmlEntities('&#1114112; &#55296;')).toBe('\ufffd \ufffd');
  });

  it('collapses whitespace of every kind', () => {
    expect(collapseWhitespace(' a\u00a0\u200b b\n\tc ')).toBe('a b c');
  });

  it('truncates at a word boundary', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the quick brown fox jumps', 20)).toBe('the quick brown fox…');
    expect(truncate('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
  });

  it('strips publishing-tool trailers from summaries', () => {
    expect(stripSummaryTrailers('Body text. The post Title here appeared first on Site.')).toBe('Body text.');
    expect(stripSummaryTrailers('Body text. Continue reading…')).toBe('Body text.');
    expect(stripSummaryTrailers('Body text. Read more »')).toBe('Body text.');
    expect(stripSummaryTrailers('Body text [...]')).toBe('Body text');
    expect(stripSummaryTrailers('Children who read more do better.')).toBe('Children who read more do better.');
  });

  it('escapes bare ampersands outside CDATA only', () => {
    expect(escapeBareAmpersands('<a>AT&T &amp; &#38; &nbsp;</a><![CDATA[x&y]]>')).toBe('<a>AT&amp;T &amp; &#38; &nbsp;</a><![CDATA[x&y]]>');
  });

  it('reads the prolog', () => {
    const doc = '<?xml version="1.0"?><!-- c --> <!DOCTYPE rss SYSTEM "x.dtd">\n<rss/>';
    expect(readProlog(doc)).toEqual({ doctype: '<!DOCTYPE rss SYSTEM "x.dtd">', internalSubset: false, rootStart: doc.indexOf('<rss') });
    expect(readProlog('<!DOCTYPE x [<!ENTITY a "b">]><x/>').internalSubset).toBe(true);
  });
});
