// One time_interval spec. Absent fields match everything.
export interface TimeRange {
  startMinute: number; // minutes from midnight, inclusive
  endMinute: number; // exclusive, up to 1440
}

export interface InclusiveRange {
  begin: number;
  end: number;
}

export interface TimeIntervalSpec {
  times?: TimeRange[];
  weekdays?: InclusiveRange[]; // 0 = sunday
  daysOfMonth?: InclusiveRange[]; // 1..31 or -31..-1
  months?: InclusiveRange[]; // 1..12
  years?: InclusiveRange[];
  location?: string; // IANA name, 'UTC' or 'Local'; undefined means UTC
  /** The ranges as written, for writing the config back. */
  raw: {
    times?: { startTime: string; endTime: string }[];
    weekdays?: string[];
    daysOfMonth?: string[];
    months?: string[];
    years?: string[];
  };
}
