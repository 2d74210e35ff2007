// English texts of the self-assessment form; the keys of form-de.ts.
import type { formDe, formErrorsDe } from './form-de.ts';

export const formEn = {
  title: 'Self-assessment',
  hint: "The profile's questions as a fillable PDF: the client ticks the answers at home and sends the file back.",
  language: 'Language of the form',
  make: 'Make the form',
  made: '{{fileName}} saved. Send the file to the client.',
  read: 'Read a filled-in form …',
  reading: 'Reading the form …',
  preview: 'Answers in the form of {{date}}',
  question: 'Question',
  inForm: "Client's answer",
  held: 'So far',
  unchanged: 'unchanged',
  none: '–',
  takenBefore: 'This form was already read on {{date}}.',
  nothingNew: 'Every answer in the form is already in the profile.',
  byAdvisor: "the advisor's estimate",
  empty: 'The client answered no question. There is nothing to take.',
  take: 'Take {{count}} answers',
  take_one: 'Take 1 answer',
  cancel: 'Discard',
  taken: "{{count}} answers taken as the client's own ({{date}}).",
  taken_one: "1 answer taken as the client's own ({{date}}).",
  timeline: 'Self-assessment of {{date}} read: {{count}} answers taken',
  pdf: {
    intro: 'for {{name}}, made on {{date}}',
    from: 'Your advisor: {{advisor}}',
    howTo: "Please tick, for each question, what fits you best. Leave out any question you would rather not answer. Then save the file and send it back to your advisor.",
    several: 'You may tick more than one.',
    rights: 'Your answers go into your client profile. You can see what is held about you at any time, and have it corrected or erased.',
    page: 'Page {{n}} of {{of}}',
  },
} satisfies typeof formDe;

export const formErrorsEn = {
  not_a_form: 'This file is not a self-assessment form of the app. Choose the PDF the client filled in.',
  form_tampered: 'The form was changed other than by filling it in. Nothing was taken; send the client a new form.',
  form_other_client: "This form was made for another client. Open that client's page and read it there.",
  form_other_device: 'This form was made on another workstation. Read it there, or send the client a new one.',
} satisfies typeof formErrorsDe;
