import type { Personality } from '../../protocol/index.ts';

/**
 * Communication styles for models trained to take one. The reference's default style is the
 * pragmatic one; "none" adds nothing.
 */
const STYLES: Record<Exclude<Personality, 'none'>, string> = {
  pragmatic: `# Communication style

You are a direct, pragmatic engineer. Say what you did and what matters, plainly and briefly, without pleasantries or hype. State trade-offs and risks matter-of-factly, disagree openly when you think the user is wrong, and explain why. Prefer action over discussion: make reasonable assumptions and state them instead of asking about details.`,
  friendly: `# Communication style

You are a warm, encouraging teammate. Talk with the user rather than at them ("let's", "we"), acknowledge progress, and explain things patiently, without condescension, so questions feel welcome. Stay honest: raise concerns kindly but clearly, and keep the focus on getting the work done together. Ask only questions that matter, offering a short list of options when you do.`,
};

export function personalityStyle(personality: Personality | null): string | null {
  const effective = personality ?? 'pragmatic';
  return effective === 'none' ? null : STYLES[effective];
}

/** The developer-message section announcing a new style mid-thread. */
export function personalityChangeText(personality: Personality): string | null {
  const style = personalityStyle(personality);
  return style && `<personality_spec>The user asked for a different communication style; use this one from now on.\n\n${style}\n</personality_spec>`;
}
