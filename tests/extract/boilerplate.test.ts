import { describe, expect, it } from 'vitest';
import { extract, page, PROSE } from './page.ts';

const text = (html: string) => extract(html).paragraphs.join('\n');

describe('extraction drops the furniture Readability keeps', () => {
  it('keeps the prose', () => {
    const a = extract(page(PROSE));
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]).toMatch(/^The city council voted/);
  });

  it('drops share bars, newsletter boxes and author boxes named as such', () => {
    const body = `${PROSE}
      <div class="social-share"><a href="https://facebook.com/sharer">Facebook</a> <a href="https://x.com/share">Share on X</a></div>
      <div class="newsletterSignup"><h3>Get our daily briefing</h3><p>The stories that matter, delivered weekday mornings.</p></div>
      <div class="author-bio"><p>Jane Doe covers transport and city hall for the Example News.</p></div>`;
    const t = text(page(body));
    expect(t).toContain('The plan will be phased in');
    expect(t).not.toMatch(/Facebook|Share on X|daily briefing|delivered weekday|covers transport/);
  });

  it("drops a list of links to the site's other stories, but not a list of prose items", () => {
    const related = `<div><h3>You may also like</h3><ul>
      <li><a href="/2025/03/01/a">Mayor unveils budget for next year</a></li>
      <li><a href="/2025/03/02/b">Transit fares to rise in the autumn</a></li>
      <li><a href="https://news.example.com/2025/03/03/c">New library branch opens in the east end</a></li></ul></div>`;
    const items = `<ul><li>Protected lanes on Main Street and Elm Avenue next spring.</li>
      <li>A second phase on the river crossings in the following year.</li>
      <li>Speed cameras near schools along every new route.</li></ul>`;
    const t = text(page(PROSE + items + related));
    expect(t).toContain('Protected lanes on Main Street');
    expect(t).not.toMatch(/Mayor unveils budget|Transit fares|library branch/);
  });

  it('drops navigation, asides and figures inside the content', () => {
    const body = `<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>${PROSE}
      <figure><img src="x.jpg"><figcaption>Cyclists on Main Street. (Photo: Jane Doe/Example News)</figcaption></figure>
      <aside><p>Read our full coverage of the city budget in the politics section of the site.</p></aside>`;
    const t = text(page(body));
    expect(t).not.toMatch(/Home|Cyclists on Main Street|full coverage/);
    expect(t).toContain('Supporters said');
  });

  it('keeps a container named like furniture when it holds the article', () => {
    const t = text(page(`<div class="sidebar-layout">${PROSE}</div>`));
    expect(t).toContain('The city council voted');
  });

  it('drops captions, photo credits and gallery controls written as paragraphs', () => {
    const body = `<p>Photo: Jane Doe, AP</p>${PROSE}<p>Image 1 of 12</p><p>Caption</p>
      <p>Cyclists ride along Main Street on Monday. (AP Photo/Jane Doe, File)</p><p>Natalie Naccache | Bloomberg | Getty Images</p>`;
    const t = text(page(body));
    expect(t).not.toMatch(/Photo: Jane|Image 1 of 12|Caption|Cyclists ride|Getty/);
  });

  it('drops datelines, bylines and a repeat of the headline', () => {
    const body = `<p>Council approves downtown bike lanes</p><p>By Jane Doe and John Roe</p>
      <p>Published 11:11 PM EST Nov 19, 2019</p><p>Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM</p>${PROSE}`;
    const a = extract(page(body));
    expect(a.paragraphs[0]).toMatch(/^The city council voted/);
    expect(a.paragraphs).toHaveLength(3);
  });

  it('drops prompts and teasers, in several languages', () => {
    const lines = [
      'Read more: Mayor unveils budget for next year',
      'RELATED: Transit fares to rise in the autumn',
      'Leia também: Prefeitura anuncia novas ciclovias',
      'Lesen Sie auch: Stadtrat beschließt neue Radwege',
      'Sign up for our newsletter to get the latest news in your inbox.',
      'Follow us on Twitter @examplenews',
      'Advertisement',
      'Share this article',
    ];
    const t = text(page(PROSE + lines.map((l) => `<p>${l}</p>`).join('')));
    for (const l of lines) expect(t).not.toContain(l);
  });

  it('keeps prose that merely starts like a teaser or mentions a subscription', () => {
    const lines = [
      'More than 2,000 residents signed a petition in favour of the plan before the vote on Tuesday.',
      'Residents who subscribe to the city bike-share scheme will get a discount during the works.',
      'Also on Tuesday, the council approved a new contract for street cleaning in the old town.',
    ];
    const t = text(page(PROSE + lines.map((l) => `<p>${l}</p>`).join('')));
    for (const l of lines) expect(t).toContain(l);
  });

  it('keeps a copyright or source line under the story (it may credit the source) but not a photo credit', () => {
    const body = `${PROSE}<p>© Jane Doe</p><p>Source: Example Wire</p><p>Quelle: dpa</p>
      <footer class="article-footer"><p>© 2025 Example Wire. Republished with permission.</p></footer>`;
    const t = text(page(body));
    expect(t).toContain('© 2025 Example Wire. Republished with permission.');
    expect(t).toContain('Source: Example Wire');
    expect(t).toContain('Quelle: dpa');
    expect(t).not.toContain('© Jane Doe');
  });

  it('drops a heading of other stories with the headlines under it, but not a lone heading', () => {
    const list = '<p>You may also like...</p><p>Who will make the Rock Hall in 2020?</p><p>Fans really want the Doobie Brothers in the Rock Hall</p>';
    const t = text(page(PROSE + list));
    expect(t).not.toMatch(/You may also like|Rock Hall/);
    const lone = text(
      page(`${PROSE}<h3>Related</h3><p>The council will vote again on the second phase of the plan next year, after a public consultation.</p>`),
    );
    expect(lone).toContain('The council will vote again');
  });

  it("drops other posts listed under the story by their permalinks, keeps the page's own", () => {
    const body = `<article class="post"><a rel="bookmark" href="https://news.example.com/2025/03/04/bike-lanes">permalink</a>${PROSE}</article>
      <article class="post"><h2><a rel="bookmark" href="/2025/03/01/budget">Mayor unveils budget</a></h2><p>The mayor presented a budget that raises spending on schools and roads for the next year.</p></article>
      <article class="post"><h2><a rel="bookmark" href="/2025/03/02/fares">Transit fares to rise</a></h2><p>Bus and tram fares will rise by five per cent in the autumn, the transit authority said.</p></article>`;
    const t = text(`<!doctype html><html><head><title>Council approves downtown bike lanes</title></head><body><main>${body}</main></body></html>`);
    expect(t).toContain('The city council voted');
    expect(t).not.toMatch(/budget that raises|fares will rise/);
  });
});
