import { choose, judgeDecision, stateWith } from './world.js';

const afterProbe = () => stateWith({ released: { probe: 5 } });

describe('protect-critical-infrastructure (NORM-F, CBM-3, CBM-15)', () => {
  it("finds a violation when a team attacks another state's critical infrastructure, naming it aloud", () => {
    const [finding, ...rest] = judgeDecision('protect-civilian-infrastructure', afterProbe(), {
      teamId: 'north',
      actions: choose(['attack-critical-infrastructure', 'south-water']),
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'protect-civilian-infrastructure', severity: 'violation', delta: -20, dimension: 'restraint', actionId: 'attack-critical-infrastructure', targetId: 'south-water', teamId: 'north' });
    expect(finding.cites).toEqual(['NORM-F', 'CBM-3', 'CBM-15']);
    expect(finding.explanation).toMatch(/^Northland cabinet chose Attack critical infrastructure against Southland Water Utility — civilian critical infrastructure of Southland \(water sector\)/);
    expect(finding.explanation).toMatch(/\(NORM-F, CBM-3, CBM-15\)\.$/);
  });

  it('counts a reversible countermeasure aimed at critical infrastructure too', () => {
    const findings = judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'north', actions: choose(['reversible-countermeasure', 'south-grid']) });
    expect(findings.map((f) => f.severity)).toEqual(['violation']);
  });

  it('does not fire on sharing indicators with an operator, or on other targets', () => {
    const findings = judgeDecision('protect-civilian-infrastructure', afterProbe(), {
      teamId: 'north',
      actions: choose(['share-indicators', 'south-water'], ['disruptive-operation', 'south-gov']),
    });
    expect(findings).toEqual([]);
  });

  it("does not fire on a team's own infrastructure", () => {
    expect(judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'south', actions: choose(['reversible-countermeasure', 'south-water']) })).toEqual([]);
  });

  it('only watches the listed sectors when sectors are given', () => {
    const energyOnly = { params: { fromRung: 'ESC-6', sectors: ['energy'] } };
    expect(judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'north', actions: choose(['attack-critical-infrastructure', 'south-water']) }, energyOnly)).toEqual([]);
    expect(judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'north', actions: choose(['attack-critical-infrastructure', 'south-grid']) }, energyOnly)).toHaveLength(1);
  });
});

describe('protect-certs (NORM-K)', () => {
  it("finds a violation when a team acts against another state's CERT", () => {
    const findings = judgeDecision('protect-certs', afterProbe(), { teamId: 'north', actions: choose(['disruptive-operation', 'south-cert']) });
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'violation', delta: -15, targetId: 'south-cert', explanation: expect.stringContaining('SL-CERT, the authorised CERT of Southland') }),
    ]);
  });

  it('does not fire on notifying a CERT or reporting to it', () => {
    expect(judgeDecision('protect-certs', afterProbe(), { teamId: 'north', actions: choose(['notify-contact-point', 'south-cert'], ['report-to-cert', 'south-cert']) })).toEqual([]);
  });
});
