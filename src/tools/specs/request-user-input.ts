import { closedObject, functionTool, string, type FunctionToolSpec } from './types.ts';

const QUESTIONS = closedObject(
  {
    questions: {
      type: 'array',
      items: closedObject(
        {
          id: string('A snake_case identifier the answer is keyed by.'),
          header: string('A very short label for the question (at most 12 characters).'),
          question: string('The question itself, in one sentence.'),
          options: {
            type: 'array',
            items: closedObject(
              {
                label: string('What the user picks (one to five words).'),
                description: string('One sentence on what choosing this option implies.'),
              },
              ['label', 'description'],
            ),
            description:
              'Two or three mutually exclusive choices, the recommended one first with "(Recommended)" after its label. The client adds a free-text "Other" choice itself, so do not include one.',
          },
        },
        ['id', 'header', 'question', 'options'],
      ),
      description: 'The questions to ask: usually one, never more than three.',
    },
  },
  ['questions'],
);

/** Whether Default mode may ask too depends on a feature, and the description says so. */
export function requestUserInputTool(allowedInDefaultMode: boolean): FunctionToolSpec {
  const modes = allowedInDefaultMode ? 'Default and Plan modes' : 'Plan mode only';
  return functionTool(
    'request_user_input',
    `Ask the user one to three short multiple-choice questions and wait for the answers. Available in ${modes}.`,
    QUESTIONS,
  );
}
