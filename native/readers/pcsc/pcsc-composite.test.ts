import { describe, expect, it } from 'vitest';
import { deviceBaseName, matchReaderName, resolveCompositeSlots, roleOfReaderName } from './pcsc-composite';

const DC4 = ['Decard DC4 [Contactless_Reader] 00 00', 'Decard DC4 [NFC_Peer] 01 00', 'Decard DC4 [Smart_Card_Reader] 02 00', 'Decard DC4 [SAMX_Reader] 03 00', 'ACS ACR39U ICC Reader 00 00'];

describe('composite PC/SC readers', () => {
  it('classifies the interfaces of a Decard DC4', () => {
    expect(DC4.map(roleOfReaderName)).toEqual(['contactless', 'other', 'contact', 'psam', 'contact']);
  });

  it('gives the siblings of one device the same base name', () => {
    expect(new Set(DC4.slice(0, 4).map(deviceBaseName))).toEqual(new Set(['decard dc4']));
    expect(deviceBaseName(DC4[4]!)).not.toBe('decard dc4');
  });

  it('maps the chosen contact reader and finds its PSAM and contactless siblings', () => {
    expect(resolveCompositeSlots(DC4, { reader: 'Smart_Card_Reader' })).toEqual({
      contact: 'Decard DC4 [Smart_Card_Reader] 02 00',
      psam1: 'Decard DC4 [SAMX_Reader] 03 00',
      contactless: 'Decard DC4 [Contactless_Reader] 00 00',
    });
  });

  it('does not borrow a PSAM from another device', () => {
    expect(resolveCompositeSlots(DC4, { reader: 'ACR39U' })).toEqual({ contact: 'ACS ACR39U ICC Reader 00 00' });
  });

  it('lets the configuration name the PSAM reader, or say there is none', () => {
    const names = ['Virtual PCD 00 00', 'Virtual PCD 00 01'];
    expect(resolveCompositeSlots(names, { reader: 'Virtual PCD 00 00', psamReader: 'Virtual PCD 00 01' })).toEqual({ contact: 'Virtual PCD 00 00', psam1: 'Virtual PCD 00 01' });
    expect(resolveCompositeSlots(DC4, { reader: 'Smart_Card_Reader', psamReader: null, contactlessReader: null })).toEqual({ contact: 'Decard DC4 [Smart_Card_Reader] 02 00' });
  });

  it('prefers the PSAM socket that holds a card', () => {
    const names = ['YKT Virtual Smart_Card_Reader 00 00', 'YKT Virtual SAMX_Reader 01 00', 'YKT Virtual SAMX_Reader 01 01'];
    expect(resolveCompositeSlots(names, { reader: 'Smart_Card_Reader' }, (n) => n.endsWith('01 01'))?.psam1).toBe('YKT Virtual SAMX_Reader 01 01');
  });

  it('matches a reader by exact name or by a unique fragment, never by an ambiguous one', () => {
    expect(matchReaderName(DC4, 'SAMX')).toBe('Decard DC4 [SAMX_Reader] 03 00');
    expect(matchReaderName(DC4, 'Decard')).toBeUndefined();
    expect(matchReaderName(['Virtual PCD 00 00', 'Virtual PCD 00 01'], 'Virtual PCD')).toBe('Virtual PCD 00 00');
    expect(resolveCompositeSlots(DC4, { reader: 'nothing like it' })).toBeUndefined();
  });
});
