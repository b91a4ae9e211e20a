/** English function words: they carry no content, so they never count as shared evidence. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also although am among an and another any anyone anything are ' +
    'around as at back be became because become been before being below between both but by can cannot could did do ' +
    'does doing done down during each either else enough even ever every few for from further get gets getting got had ' +
    'has have having he her here hers herself him himself his how however i if in into is it its itself just least ' +
    'less like made make makes many may me might more most much must my myself neither no nor not now of off often on ' +
    'once one only or other others otherwise our ours ourselves out over own per perhaps put quite rather said same say ' +
    'says see seem seemed seems several shall she should since so some something still such than that the their ' +
    'theirs them themselves then there these they this those though through thus to together too toward towards under ' +
    'until up upon us very via was we well were what whatever when where whether which while who whom whose why will ' +
    'with within without would yet you your yours yourself yourselves ' +
    's t d ll m re ve don didn doesn isn wasn weren won wouldn couldn shouldn hasn haven hadn aren ain'
  ).split(' '),
);
