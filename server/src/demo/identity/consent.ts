import type { DemoPerson } from '../org';

export interface ConsentOptions {
  /** An admin granted the delegated permissions for everyone. Default false. */
  adminConsent?: boolean;
  /** An admin granted the application permissions (app-only tokens carry roles). Default true. */
  applicationConsent?: boolean;
  /** Per person (by id): whether they consented themselves. Default: everyone but those seeded with `consentRequired`. */
  users?: Record<string, boolean>;
}

export interface ConsentView {
  adminConsent: boolean;
  applicationConsent: boolean;
  userId?: string;
  /** Whether on-behalf-of works for that person (their consent or the admin's). */
  consented?: boolean;
}

/** Who has consented to Unplug's Graph permissions in the demo tenant. */
export class ConsentState {
  private admin: boolean;
  private application: boolean;
  private readonly users = new Map<string, boolean>();

  constructor(options: ConsentOptions = {}) {
    this.admin = options.adminConsent ?? false;
    this.application = options.applicationConsent ?? true;
    for (const [id, granted] of Object.entries(options.users ?? {})) this.users.set(id.toLowerCase(), granted);
  }

  delegatedConsented(person: DemoPerson): boolean {
    return this.admin || (this.users.get(person.id) ?? !person.consentRequired);
  }

  get applicationConsented(): boolean {
    return this.application;
  }

  setAdminConsent(granted: boolean): void {
    this.admin = granted;
  }

  setApplicationConsent(granted: boolean): void {
    this.application = granted;
  }

  setUserConsent(person: DemoPerson, granted: boolean): void {
    this.users.set(person.id, granted);
  }

  view(person?: DemoPerson): ConsentView {
    return {
      adminConsent: this.admin,
      applicationConsent: this.application,
      ...(person ? { userId: person.id, consented: this.delegatedConsented(person) } : {}),
    };
  }
}
