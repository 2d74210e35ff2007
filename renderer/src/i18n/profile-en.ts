// The interview in English, in the words an advisor would use across the table.
import type { InterviewTexts } from './profile-types.ts';

export const profileEn = {
  purchase_driver: {
    topic: 'Buying motive',
    question: 'When you buy something, what tips the balance in the end?',
    options: {
      best_price: 'The lowest price',
      price_for_quality: 'A fair price for good quality',
      convenience: 'That it is quick and easy',
      identity: 'That it fits who I am and what I value',
      add_on_value: 'Getting the most out of something I am buying right now',
    },
  },
  identity_expression: {
    topic: 'Values',
    question: 'Do your purchases also show what you stand for?',
    options: {
      none: 'No, that does not matter to me',
      brand: 'Yes – through brands that suit me',
      identity_host: 'Yes – I like buying through a club or cause I want to support',
      community_retailer: 'Yes – from a retailer who lives the same passion',
    },
  },
  trust_anchor: {
    topic: 'Trust',
    question: 'Who do you rely on when you make a decision?',
    options: {
      self: 'Myself – I prefer to do my own research',
      online_community: 'Experiences shared in online groups and forums',
      technology: 'An app or a digital assistant',
      personal_advisor: 'My personal advisor',
      life_coach: 'A coach who keeps an eye on my affairs',
      pos_staff: 'The staff in the shop',
      brand: 'A brand I know and value',
      identity_host: 'My club or a cause I feel close to',
      specialist_retailer: 'A specialist retailer I trust',
    },
  },
  data_sharing: {
    topic: 'Data',
    question: 'How much may others know about you and do with your data?',
    options: {
      minimal: 'As little as possible',
      purchase_only: 'Only what a purchase needs anyway',
      on_request: 'What a person I trust asks me for',
      social_profile: 'My social-network profile may be used',
      full: 'Everything – even an app that follows how I use things',
    },
  },
  activity_level: {
    topic: 'Searching',
    question: 'How much time do you spend searching and comparing before you decide?',
    options: {
      very_low: 'Hardly any – only when I cannot avoid it',
      low: 'Not much',
      medium: 'Some – I do look around',
      high: 'A lot – I compare thoroughly',
    },
  },
  tech_affinity: {
    topic: 'Technology',
    question: 'How naturally do you use your phone, apps and online services?',
    options: {
      low: 'Rarely, only when I have to',
      medium: 'Day to day, without much enthusiasm',
      high: 'Naturally, and I enjoy it',
    },
  },
  preferred_channel: {
    topic: 'Where to buy',
    question: 'Where do you prefer to buy or sign up?',
    options: {
      comparison_portal: 'On a comparison site',
      online_shop: 'Directly in the provider’s online shop',
      assistant_app: 'When an assistant app suggests it',
      point_of_sale: 'Right where I buy the product – travel agent, car dealer, electronics store',
      advisor_meeting: 'In a personal meeting with my advisor',
      life_coach: 'Through my coach',
      host_portal: 'Through my club’s or cause’s portal',
      specialist_retailer: 'At a specialist retailer',
    },
  },
  assistant_app: {
    topic: 'Assistant app',
    question: 'Do you have a provider’s or coach’s assistant app on your phone?',
    options: {
      none: 'No, not so far',
      refuses: 'No – and I want it to stay that way',
      installed_self: 'Yes, I installed it myself',
      installed_on_advice: 'Yes, my advisor or coach recommended it',
      switched_off: 'I had one – and switched it off on purpose',
    },
  },
  life_events: {
    topic: 'Changes',
    question: 'What has changed for you lately – or is coming up soon?',
    options: {
      income_rising: 'Income is rising',
      time_scarce: 'Time is getting scarce',
      family_growing: 'The family is growing',
      moving: 'A move',
      new_car: 'A new car',
      new_home: 'A new home',
      retirement_near: 'Retirement is getting close',
      travel_planned: 'A bigger trip',
      new_job: 'A new job',
      child_starts_school: 'A child starting school',
    },
  },
  purchase_occasion: {
    topic: 'Purchase',
    question: 'Are you about to make a bigger purchase – a car, a trip, an appliance?',
    options: {
      none: 'No, not at the moment',
      durable_good: 'Yes, right now',
    },
  },
  product_complexity: {
    topic: 'Scope',
    question: 'Is today about something simple or about a bigger topic?',
    options: {
      simple: 'Something simple that is quickly settled',
      complex: 'A bigger topic that needs thorough advice',
    },
  },
} satisfies InterviewTexts;
