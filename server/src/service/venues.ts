import shipped from '../../../data/venues.json';

export interface Venue {
  name: string;
  aliases: string[];
}

/** The venues shipped in `data/venues.json`. */
export const SHIPPED_VENUES: readonly Venue[] = shipped.venues;

let memo: { extra: readonly string[]; names: string[] } | undefined;

/** Every venue name Surveyor knows: the shipped names and aliases, then those the configuration adds. */
export function knownVenueNames(extra: readonly string[]): string[] {
  if (memo?.extra !== extra) memo = { extra, names: [...SHIPPED_VENUES.flatMap((v) => [v.name, ...v.aliases]), ...extra] };
  return memo.names;
}
