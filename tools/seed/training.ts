import { offeringCode } from '../../subgraphs/learning/codes.js';
import { clamp, dayOf, isoDate, round2 } from './calendar.js';
import { COURSES, type CourseDef } from './catalog.js';
import { COST_PER_PARTICIPANT_JP, durationDays, typicalCapacity, venue } from './courses.js';
import { nextId, type Run } from './run.js';
import { DISTRICT_PUSH_SD, LATE_SHARE, TARGETING_SLOPE } from './scenario.js';
import type { Agency, Leadership, RegionState, Unit } from './types.js';

/** What the rest of a year (appraisals, surveys, budgets) needs of its training. */
export interface TrainingYear {
  /** JP earned this year, by index into the region's employees and into its units. */
  jpOfEmployee: Float64Array;
  jpOfUnit: Float64Array;
  /** JP completed before the unit's survey day of the year, by unit index (used by scenarios other than random). */
  jpBeforeSurveyOfUnit: Float64Array;
  /** Staff appointed by the end of the year, by unit index. */
  staffThisYear: Int32Array;
  /** Planned and realised cost of all offerings (cancelled ones included in the plan). */
  plannedTotal: number;
  realisedTotal: number;
  /** A year of low budget realisation (a quarter or more of the plan cancelled, like the 69% real case). */
  lowYear: boolean;
  /** Price level of the region and year relative to 2021 prices. */
  costFactor: number;
}

/** One year of training in a region: who is nominated for what, the classes held or cancelled, their cost. */
export function trainYear(run: Run, state: RegionState, year: number): TrainingYear {
  if (state.features.timing) {
    // The survey day is known before the year's training, so the JP completed before it can be told apart.
    for (const unit of state.units) unit.surveyDay = dayOf(year, 11, 1) + state.scenarioRng.int(0, 44);
  }
  const demand = new Demand(run, state, year);
  const staffThisYear = demand.fromUnits();
  demand.fromAgencyHeads();
  const bkpsdm = state.agencies.get('BKPSDM');
  if (!bkpsdm) throw new Error('no BKPSDM agency');
  const lowYear = state.rng.chance(year === run.from ? 0.6 : 0.15);
  const costFactor = (state.region.code.startsWith('9') ? 1.35 : 1) * (1 + 0.03 * (year - 2021));
  const offerings = new Offerings(run, state, year, bkpsdm, costFactor);
  offerings.holdAll(demand);
  offerings.cancelSome(lowYear);
  return {
    jpOfEmployee: demand.jpOfEmployee,
    jpOfUnit: offerings.jpOfUnit,
    jpBeforeSurveyOfUnit: offerings.jpBeforeSurveyOfUnit,
    staffThisYear,
    plannedTotal: offerings.plannedTotal,
    realisedTotal: offerings.realisedTotal,
    lowYear,
    costFactor,
  };
}

const LATSAR = COURSES.findIndex((c) => c.audience.kind === 'LATSAR');
const leadershipCourse = (level: Leadership): number =>
  COURSES.findIndex((c) => c.audience.kind === 'LEADERSHIP' && c.audience.level === level);

/** Nominations per course (indexes into the region's employees), mandatory courses first. */
class Demand {
  readonly jpOfEmployee: Float64Array;
  readonly participants: number[][] = COURSES.map(() => []);
  private readonly yearStart: number;
  private readonly yearEnd: number;
  private readonly juniorSince: number;

  constructor(
    private readonly run: Run,
    private readonly state: RegionState,
    private readonly year: number,
  ) {
    this.jpOfEmployee = new Float64Array(state.employees.length);
    this.yearStart = dayOf(year, 1, 1);
    this.yearEnd = dayOf(year, 12, 31);
    this.juniorSince = dayOf(year - 3, 1, 1);
  }

  /** Each unit's training intensity this year (JP per staff member) shared out among its staff. */
  fromUnits(): Int32Array {
    const { units, employees, rng } = this.state;
    const staffThisYear = new Int32Array(units.length);
    const steer = this.scenarioSteering();
    for (const unit of units) {
      const staff = unit.staff.filter((i) => (employees[i]?.appointed ?? Infinity) <= this.yearEnd);
      staffThisYear[unit.index] = staff.length;
      // Spread wide enough that a fair share of units reach 20 JP per staff member (the contrast of the analytics).
      const intensity = Math.min(50, unit.intensity * rng.gammaInt(2, 7) * steer(unit));
      let budget = intensity * staff.length;
      for (const i of staff) budget -= this.mandatory(i);
      // New staff of this year only attend Latsar: other offerings may start before their TMT.
      const regular = staff.filter((i) => (employees[i]?.appointed ?? Infinity) < this.yearStart);
      const weights = regular.map(() => rng.exponential(1));
      const total = weights.reduce((a, b) => a + b, 0);
      if (budget > 0 && total > 0)
        for (const [k, i] of regular.entries()) this.choose(i, (budget * (weights[k] ?? 0)) / total);
    }
    return staffThisYear;
  }

  /**
   * The scenario's steering of a unit's training: towards units whose last IKM was low (targeted) and by
   * a yearly push of the unit's district (shocks). 1 in the random scenario (no draws are made there).
   */
  private scenarioSteering(): (unit: Unit) => number {
    const { features, scenarioRng, units } = this.state;
    if (!features.targeted && !features.shocks) return () => 1;
    const scored = units.filter((u) => u.lastScore !== null);
    const mean = scored.reduce((s, u) => s + (u.lastScore ?? 0), 0) / Math.max(1, scored.length);
    const push = new Map<string, number>();
    if (features.shocks)
      for (const u of units)
        if (!push.has(u.districtName)) push.set(u.districtName, Math.exp(scenarioRng.normal(0, DISTRICT_PUSH_SD)));
    return (unit) => {
      const target =
        features.targeted && unit.lastScore !== null
          ? clamp(Math.exp(-TARGETING_SLOPE * (unit.lastScore - mean)), 0.3, 3)
          : 1;
      return target * (push.get(unit.districtName) ?? 1);
    };
  }

  /** Agency heads (no unit): mandatory training, else a few electives. */
  fromAgencyHeads(): void {
    for (const agency of this.state.agencies.values()) {
      const head = this.state.employees[agency.head];
      if (!head || head.appointed >= this.yearStart) continue;
      const jp = this.mandatory(agency.head);
      if (jp === 0) this.choose(agency.head, this.state.rng.gammaInt(2, 6));
    }
  }

  /** Latsar for new CPNS, leadership training for new managers; returns their JP. */
  private mandatory(index: number): number {
    const { year, run } = this;
    const e = this.state.employees[index];
    if (!e) return 0;
    let jp = 0;
    // CPNS appointed from October of last year to September of this year attend this year's Latsar.
    if (e.asn === 'PNS' && e.appointed >= dayOf(year - 1, 10, 1) && e.appointed <= dayOf(year, 9, 30)) {
      this.participants[LATSAR]?.push(index);
      jp += COURSES[LATSAR]?.jp ?? 0;
    }
    if (
      e.leadership &&
      !e.leadershipTrained &&
      e.leaderSince < year &&
      e.leaderSince >= run.from - 2 &&
      this.state.rng.chance(0.5)
    ) {
      const course = leadershipCourse(e.leadership);
      this.participants[course]?.push(index);
      jp += COURSES[course]?.jp ?? 0;
      e.leadershipTrained = true;
    }
    return jp;
  }

  /** Elective courses from the person's pool until the personal JP target is (about) met. */
  private choose(index: number, target: number): void {
    const { rng } = this.state;
    const e = this.state.employees[index];
    if (!e) return;
    const chosen: number[] = [];
    let got = 0;
    for (let tries = 0; tries < 8 && target - got >= 4; tries++) {
      const course = e.coursePool.courses[rng.weightedIndex(e.coursePool.weights)] ?? 0;
      const def = COURSES[course] as CourseDef;
      if (chosen.includes(course)) continue;
      if (def.audience.kind === 'JUNIOR' && e.appointed < this.juniorSince) continue;
      if (def.jp > target - got + 12 && rng.chance(0.7)) continue;
      chosen.push(course);
      got += def.jp;
      this.participants[course]?.push(index);
    }
  }
}

/**
 * Offerings: the demand of each course split into classes sized to their nominations, with enrolments
 * and costs. Cancelled classes leave their planned cost unspent: a few in most years, a quarter or more
 * of the plan in a year of low realisation.
 */
class Offerings {
  readonly jpOfUnit: Float64Array;
  private readonly offeringSequences = new Map<number, number>();
  readonly jpBeforeSurveyOfUnit: Float64Array;
  plannedTotal = 0;
  realisedTotal = 0;

  constructor(
    private readonly run: Run,
    private readonly state: RegionState,
    private readonly year: number,
    private readonly bkpsdm: Agency,
    private readonly costFactor: number,
  ) {
    this.jpOfUnit = new Float64Array(state.units.length);
    this.jpBeforeSurveyOfUnit = new Float64Array(state.units.length);
  }

  holdAll(demand: Demand): void {
    const { rng } = this.state;
    COURSES.forEach((course, courseIndex) => {
      const participants = demand.participants[courseIndex] ?? [];
      const held = participants.length;
      if (held === 0) return;
      rng.shuffle(participants);
      const classes = Math.ceil(held / typicalCapacity(course, rng));
      let next = 0;
      for (let k = 0; k < classes; k++) {
        const size = Math.floor(held / classes) + (k < held % classes ? 1 : 0);
        const offering = this.add(courseIndex, size, Math.max(size, Math.ceil(size * rng.uniform(1, 1.12))), false);
        for (let j = 0; j < size; j++)
          this.enrol(offering.id, offering.ends, course, participants[next++] ?? -1, demand.jpOfEmployee);
      }
    });
  }

  /** Cancelled classes of elective courses until their planned cost is near this year's target. */
  cancelSome(lowYear: boolean): void {
    const { rng } = this.state;
    const cancelTarget = this.plannedTotal * (lowYear ? rng.uniform(0.18, 0.28) : rng.uniform(0, 0.05));
    let cancelledTotal = 0;
    const electives = COURSES.map((c, i) => [i, c.audience.kind === 'LATSAR' ? 0 : 1] as const);
    for (let tries = 0; tries < 60 && cancelledTotal < cancelTarget * 0.85; tries++) {
      const courseIndex = rng.weighted(electives);
      const course = COURSES[courseIndex] as CourseDef;
      const capacity = typicalCapacity(course, rng);
      const estimate = capacity * course.jp * COST_PER_PARTICIPANT_JP[course.delivery] * this.costFactor;
      if (cancelledTotal + estimate > cancelTarget * 1.15) continue;
      cancelledTotal += this.add(courseIndex, 0, capacity, true).planned;
    }
  }

  /** One participant's enrolment: completed (with the course's JP) or dropped. */
  private enrol(offeringId: number, ends: number, course: CourseDef, index: number, jpOfEmployee: Float64Array): void {
    const { rng } = this.state;
    const e = this.state.employees[index];
    if (!e) return;
    const dropped = rng.chance(course.delivery === 'E_LEARNING' ? 0.12 : 0.06);
    const jp = dropped ? 0 : course.jp;
    const pre = clamp(rng.normal(58, 12), 5, 97);
    const post = dropped ? null : round2(clamp(pre + rng.normal(14, 8), 0, 100));
    const satisfaction = dropped ? null : round2(clamp(rng.normal(4.15, 0.45), 1, 5));
    this.run.tables.enrolment.add(
      nextId(this.run, 'enrolment'),
      offeringId,
      e.id,
      this.year,
      e.agency.id,
      e.unit?.id ?? null,
      e.regionCode,
      dropped ? 'DROPPED' : 'COMPLETED',
      jp,
      round2(pre),
      post,
      satisfaction,
    );
    jpOfEmployee[index] = (jpOfEmployee[index] ?? 0) + jp;
    if (e.unit) this.jpOfUnit[e.unit.index] = (this.jpOfUnit[e.unit.index] ?? 0) + jp;
    if (e.unit && ends < e.unit.surveyDay)
      this.jpBeforeSurveyOfUnit[e.unit.index] = (this.jpBeforeSurveyOfUnit[e.unit.index] ?? 0) + jp;
  }

  /** An offering (class) and its cost row; BKPSDM pays for every class. */
  private add(
    courseIndex: number,
    size: number,
    capacity: number,
    cancelled: boolean,
  ): { id: number; planned: number; ends: number } {
    const { run, year, state } = this;
    const { rng, region } = state;
    const course = COURSES[courseIndex] as CourseDef;
    const rate = COST_PER_PARTICIPANT_JP[course.delivery] * this.costFactor;
    const id = nextId(run, 'offering');
    const duration = durationDays(course);
    const latest = dayOf(year, 12, 20) - duration;
    const latsarClass = course.audience.kind === 'LATSAR';
    const earliest = latsarClass ? dayOf(year, 10, 1) : dayOf(year, 2, 1);
    let starts =
      earliest + rng.int(0, Math.max(0, Math.min(latest, latsarClass ? dayOf(year, 10, 31) : latest) - earliest));
    if (state.features.lateTraining && !latsarClass && state.scenarioRng.chance(LATE_SHARE)) {
      const lateFrom = Math.min(dayOf(year, 11, 1), latest);
      starts = lateFrom + state.scenarioRng.int(0, Math.max(0, latest - lateFrom));
    }
    const ends = Math.min(starts + duration - 1, dayOf(year, 12, 31));
    // Numbered within course, region and year in id order, as migration 0002 numbers existing offerings.
    const sequence = (this.offeringSequences.get(courseIndex) ?? 0) + 1;
    this.offeringSequences.set(courseIndex, sequence);
    run.tables.offering.add(
      id,
      offeringCode(course.code, region.code, year, sequence),
      run.courseIds[courseIndex] ?? 0,
      run.curriculumVersionIds[courseIndex] ?? 0,
      region.code,
      year,
      isoDate(starts),
      isoDate(ends),
      capacity,
      venue(course, state.label, rng),
      cancelled ? 'CANCELLED' : 'HELD',
    );
    const planned = Math.round((capacity * course.jp * rate * rng.uniform(0.97, 1.03)) / 1000) * 1000;
    const realised = cancelled
      ? 0
      : Math.min(planned, Math.round((size * course.jp * rate * rng.uniform(0.92, 1)) / 1000) * 1000);
    run.tables.offeringCost.add(id, this.bkpsdm.id, region.code, year, String(planned), String(realised));
    this.plannedTotal += planned;
    this.realisedTotal += realised;
    return { id, planned, ends };
  }
}
