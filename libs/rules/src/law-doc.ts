// The part of docs/rules.md that explains how countermeasures, retorsion and proportionality are judged.

/** How an operation against another state is characterised and tested, and how a response is weighed. */
export function lawSection(): string[] {
  return [
    '## Countermeasures, retorsion and proportionality',
    '',
    'An operation against another state (catalogue traits `countermeasure` or `offensive-cyber`) is **characterised as a countermeasure** and tested condition by condition (Tallinn Manual 2.0 rules 20–25; ILC Articles 22, 49–53). The finding reads as the chain, each condition *met*, *not met* or *not required* with the inject or decision that decides it:',
    '',
    '> Characterised as a countermeasure against Northland. Prior wrongful act by Northland: met — inject blackout, evidence moderate, required moderate. Act ongoing: met — inject blackout has not ended. Call to comply: not met — no demand was sent to Northland. … ⇒ Not a lawful countermeasure: a violation of Northland\'s sovereignty (TM2-R4).',
    '',
    '1. **Prior wrongful act** attributed to the targeted state, against the team\'s state (the victim, or one of the states an incident\'s `alsoHit` names — only an injured state may answer, TM2-R24), with evidence at the rule\'s `minimumEvidence` or above, counting only injects released *to the acting team* (what another team was told does not count).',
    '2. **Act ongoing.** An incident is over when its inject says `ongoing: false`, or once an inject whose `endsIncidents` names it has been released. A scenario can keep such an inject unscheduled behind a condition and the controller fires it (`inject.fire`) when the act has stopped. A threatened repetition is written as an ongoing incident.',
    '3. **Call to comply.** An earlier decision aimed at that state with an action carrying the `demand` trait (the private démarche), made once the act was known. A notification, a hotline call or a hotline message is not a demand; a demand in the same decision leaves no time to comply. When the incident is `urgent: true` the scenario grants the urgent-countermeasures exception (ILC Art. 52(2)) and the call is *not required*.',
    '4. **Proportionate to the injury** (TM2-R23, ILC Art. 51): the response\'s expected effects are no graver than the injury, both on the SEV-0…5 scale (below).',
    '5. **Temporary and reversible** (ILC Art. 49(2)–(3)): the action is `reversible` and carries the `temporary` trait.',
    '6. **Aimed only at the responsible state** (TM2-R25): no other state depends on the target (a scenario target\'s `affects`).',
    '',
    'A **protected target** — civilian critical infrastructure, a CERT, health or emergency services — is never a lawful object: the action is *not a countermeasure at all* and a violation, whatever else holds; the norms rules (NORM-F, NORM-K) judge it as well. Any condition not met makes the operation a violation of the targeted state\'s sovereignty (TM2-R4). A countermeasure meeting every condition is *acceptable* — a note, never a commendation. Use of force is not a countermeasure (ILC Art. 50) and is weighed by the proportionality rule.',
    '',
    '**Retorsion** — sanctions, expulsions, indictments, trade measures, public attribution, démarches (traits `retorsion`, `sanction`, `public-attribution`, `demarche`, `demand`, or a diplomatic, economic or legal action) — is lawful whatever the other state did. It is weighed politically, under the EU Cyber Diplomacy Toolbox, not under TM2-R23: its rung may reach the gravity of what provoked it (one more when the same state acted more than once) plus an allowance; beyond that it is a *concern*, never a violation, citing the Toolbox alone.',
    '',
    '**Injury and expected effects.** The injury of an act is its severity SEV-0…5, one level more when its sector serves the public (any sector but government facilities and the defence industrial base), one more when it hit several states, at most SEV-5. The gravest act the team was told of that the targeted state may be behind is the measure. A response\'s expected effects are the catalogue\'s `effects` (or, without it, from its rung: ESC-0…2 SEV-0, ESC-3…5 SEV-1, ESC-6 SEV-2, ESC-7 SEV-3, ESC-8…9 SEV-4, ESC-10 SEV-5), one level more on a civilian target, one more when other states depend on the target. An attack on a water utility is thus always of the gravest kind, and never *measured*.',
    '',
    '**Restraint is what is commended.** A decision answering an incident the team suffered with channels and diplomacy alone (nothing above ESC-1) and no other proportionality finding is commended; an escalatory answer is at best acceptable.',
    '',
  ];
}
