/** The original report the trust tests copy: a made-up CNBC story, ten paragraphs. */
export const ORIGINAL_URL = 'https://www.cnbc.com/2025/03/04/harbor-bridge-closure-freight.html';

export const HARBOR_PARAGRAPHS: readonly string[] = [
  'Port officials closed the Harbor Street bridge to freight traffic on Tuesday after inspectors found cracks in two of its steel girders, diverting hundreds of trucks a day onto residential roads.',
  'The 61-year-old bridge carries about 14,000 vehicles on a typical weekday, roughly a fifth of them heavy trucks bound for the container terminals on the east bank of the river.',
  'Inspectors from the state transportation department discovered the damage during a routine review last week and recommended an immediate weight limit of three tons.',
  'Terminal operators said the detour adds between 40 and 70 minutes to each round trip, and warned that shipping schedules for the holiday season could slip by several days.',
  'Mayor Teresa Okafor called the closure a painful but necessary step and promised that repair crews would begin work within a month, pending approval of emergency funding by the council.',
  'Residents along Maple Avenue, where most of the diverted trucks now travel, complained of noise and vibration through the night and asked the city to post traffic officers at the school crossing.',
  'Engineers estimate that replacing the damaged girders will cost about $18 million and take at least nine months, during which the bridge would remain open only to cars and buses.',
  'The council is expected to vote on the emergency funding at a special session on Friday, and several members have already said they will support the request.',
  'Freight companies have asked the port to extend the opening hours of the southern gate so that trucks can avoid the evening rush on the residential streets.',
  'A spokesman for the port said the authority would publish weekly updates on the repairs and on traffic counts along the detour until the bridge reopens.',
];
