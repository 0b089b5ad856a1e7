import { isEmptyProfile, mergeProfiles, type PermissionProfile } from './profile.ts';

/**
 * What the user granted through `request_permissions` during one turn. Grants add up and apply
 * to the turn's later commands; the next turn starts with none, as under the reference.
 */
export class PermissionGrants {
  private granted: PermissionProfile | null = null;

  record(profile: PermissionProfile): void {
    if (isEmptyProfile(profile)) return;
    this.granted = this.granted ? mergeProfiles(this.granted, profile) : profile;
  }

  /** Everything granted so far, or null when nothing was. */
  get current(): PermissionProfile | null {
    return this.granted;
  }
}
