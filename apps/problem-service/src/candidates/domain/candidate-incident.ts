/** What candidate detection needs to know of an incident (a copy kept by problem-service). */
export interface CandidateIncident {
  id: string;
  number: string;
  ciId: string | null;
  /** Compared case-sensitively, as given. */
  category: string | null;
  /** Clustering uses when incidents were opened, never when their events arrived. */
  openedAt: Date;
  /** Analysed terms of shortDescription + description (TextAnalyzer.analyze output). */
  terms: readonly string[];
  /** Incidents already linked to a problem are taken care of and never count. */
  linkedToProblem: boolean;
}
