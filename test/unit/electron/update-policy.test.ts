// When the app updates itself (electron/update/policy.ts): downloaded in the
// background, installed only outside a meeting and with the user's yes, never
// a downgrade, never a file without its checksum.
import { describe, expect, it } from 'vitest';
import { decideUpdate, type UpdateOffer } from '../../../electron/update/policy.ts';

const offer = (version: string, extra: Partial<UpdateOffer> = {}): UpdateOffer => ({
  version, releaseNotes: 'Kundenlisten importieren', releaseDate: '2026-12-04T08:00:00.000Z', minimumVersion: null,
  files: [{ url: 'https://updates.example.de/aw/Advisor-Workstation-0.2.0.AppImage', sha512: 'c2hhNTEy', size: 1 }], ...extra,
});
const situation = { current: '0.1.0', downloaded: false, inMeeting: false };

describe('an update', () => {
  it('is downloaded when the feed has a newer version with checksums', () => {
    expect(decideUpdate({ ...situation, offer: offer('0.2.0') })).toEqual({ kind: 'download', version: '0.2.0' });
  });

  it('once downloaded, is offered with what changed; a version below the feed\'s minimum is told it must update', () => {
    expect(decideUpdate({ ...situation, offer: offer('0.2.0'), downloaded: true }))
      .toEqual({ kind: 'offer_restart', version: '0.2.0', notes: 'Kundenlisten importieren', required: false });
    expect(decideUpdate({ ...situation, offer: offer('0.2.0', { minimumVersion: '0.1.5' }), downloaded: true }))
      .toMatchObject({ kind: 'offer_restart', required: true });
  });

  it('waits while a meeting runs, however required', () => {
    expect(decideUpdate({ ...situation, offer: offer('0.2.0', { minimumVersion: '0.2.0' }), downloaded: true, inMeeting: true }))
      .toEqual({ kind: 'wait', version: '0.2.0', reason: 'meeting' });
  });

  it('is nothing to do at the same version, and refused when older, unversioned or without a checksum', () => {
    expect(decideUpdate({ ...situation, offer: null })).toEqual({ kind: 'up_to_date' });
    expect(decideUpdate({ ...situation, offer: offer('0.1.0') })).toEqual({ kind: 'up_to_date' });
    expect(decideUpdate({ ...situation, offer: offer('0.0.9') })).toEqual({ kind: 'refuse', reason: 'not_newer' });
    expect(decideUpdate({ ...situation, offer: offer('neu') })).toEqual({ kind: 'refuse', reason: 'invalid_version' });
    expect(decideUpdate({ ...situation, offer: offer('0.2.0', { files: [{ url: 'x', sha512: null, size: null }] }) })).toEqual({ kind: 'refuse', reason: 'no_checksum' });
    expect(decideUpdate({ ...situation, offer: offer('0.2.0', { files: [] }) })).toEqual({ kind: 'refuse', reason: 'no_checksum' });
  });

  it('orders versions as semver does: 0.10.0 is newer than 0.9.0, a pre-release older than its release', () => {
    expect(decideUpdate({ ...situation, current: '0.9.0', offer: offer('0.10.0') })).toMatchObject({ kind: 'download' });
    expect(decideUpdate({ ...situation, current: '1.0.0', offer: offer('1.0.0-beta.2') })).toEqual({ kind: 'refuse', reason: 'not_newer' });
  });
});
