// The interview in German, in the words an advisor would use across the table.
import type { InterviewTexts } from './profile-types.ts';

export const profileDe = {
  purchase_driver: {
    topic: 'Kaufmotiv',
    question: 'Wenn Sie etwas kaufen: Was gibt am Ende den Ausschlag?',
    options: {
      best_price: 'Der niedrigste Preis',
      price_for_quality: 'Ein fairer Preis für gute Qualität',
      convenience: 'Dass es schnell und bequem geht',
      identity: 'Dass es zu mir und meinen Werten passt',
      add_on_value: 'Das Beste aus einer Anschaffung herauszuholen, die ich gerade mache',
    },
  },
  identity_expression: {
    topic: 'Haltung',
    question: 'Zeigen Ihre Käufe auch, wofür Sie stehen?',
    options: {
      none: 'Nein, das spielt für mich keine Rolle',
      brand: 'Ja – über Marken, die zu mir passen',
      identity_host: 'Ja – ich kaufe gern über einen Verein oder eine Organisation, die ich unterstützen will',
      community_retailer: 'Ja – bei einem Händler, der meine Leidenschaft selbst lebt',
    },
  },
  trust_anchor: {
    topic: 'Vertrauen',
    question: 'Auf wen verlassen Sie sich, wenn Sie eine Entscheidung treffen?',
    options: {
      self: 'Auf mich selbst – ich recherchiere lieber allein',
      online_community: 'Auf Erfahrungen aus Online-Gruppen und Foren',
      technology: 'Auf eine App oder einen digitalen Assistenten',
      personal_advisor: 'Auf meinen persönlichen Berater',
      life_coach: 'Auf einen Coach, der meine Angelegenheiten im Blick behält',
      pos_staff: 'Auf die Beratung direkt im Geschäft',
      brand: 'Auf eine Marke, die ich kenne und schätze',
      identity_host: 'Auf meinen Verein oder eine Organisation, der ich mich verbunden fühle',
      specialist_retailer: 'Auf einen Fachhändler meines Vertrauens',
    },
  },
  data_sharing: {
    topic: 'Daten',
    question: 'Wie viel dürfen andere über Sie wissen und mit Ihren Daten anfangen?',
    options: {
      minimal: 'So wenig wie irgend möglich',
      purchase_only: 'Nur das, was bei einem Kauf ohnehin anfällt',
      on_request: 'Was eine Person meines Vertrauens bei mir erfragt',
      social_profile: 'Meine Angaben aus sozialen Netzwerken dürfen genutzt werden',
      full: 'Alles – auch eine App, die mitverfolgt, wie ich Dinge nutze',
    },
  },
  activity_level: {
    topic: 'Suchaufwand',
    question: 'Wie viel Zeit stecken Sie ins Suchen und Vergleichen, bevor Sie sich entscheiden?',
    options: {
      very_low: 'Kaum Zeit – nur wenn es sich nicht vermeiden lässt',
      low: 'Eher wenig',
      medium: 'Etwas – ich schaue mich schon um',
      high: 'Viel – ich vergleiche gründlich',
    },
  },
  tech_affinity: {
    topic: 'Technik',
    question: 'Wie selbstverständlich nutzen Sie Smartphone, Apps und Online-Dienste?',
    options: {
      low: 'Eher selten, nur wenn es sein muss',
      medium: 'Im Alltag schon, aber ohne große Begeisterung',
      high: 'Ganz selbstverständlich und gern',
    },
  },
  preferred_channel: {
    topic: 'Kaufweg',
    question: 'Wo kaufen oder schließen Sie am liebsten ab?',
    options: {
      comparison_portal: 'Über ein Vergleichsportal',
      online_shop: 'Direkt im Online-Shop des Anbieters',
      assistant_app: 'Auf Vorschlag einer Assistenz-App',
      point_of_sale: 'Gleich dort, wo ich das Produkt kaufe – Reisebüro, Autohaus, Elektromarkt',
      advisor_meeting: 'Im persönlichen Gespräch mit meinem Berater',
      life_coach: 'Über meinen Coach',
      host_portal: 'Über das Portal meines Vereins oder meiner Organisation',
      specialist_retailer: 'Beim Fachhändler',
    },
  },
  assistant_app: {
    topic: 'Assistenz-App',
    question: 'Haben Sie die Assistenz-App eines Anbieters oder Coaches auf dem Handy?',
    options: {
      none: 'Nein, bisher nicht',
      refuses: 'Nein – und das soll auch so bleiben',
      installed_self: 'Ja, aus eigenem Antrieb installiert',
      installed_on_advice: 'Ja, auf Empfehlung meines Beraters oder Coaches',
      switched_off: 'Hatte ich – habe sie bewusst abgeschaltet',
    },
  },
  life_events: {
    topic: 'Veränderungen',
    question: 'Was hat sich bei Ihnen zuletzt verändert – oder steht bald an?',
    options: {
      income_rising: 'Das Einkommen steigt',
      time_scarce: 'Die Zeit wird knapper',
      family_growing: 'Die Familie wird größer',
      moving: 'Ein Umzug',
      new_car: 'Ein neues Auto',
      new_home: 'Ein neues Zuhause',
      retirement_near: 'Der Ruhestand rückt näher',
      travel_planned: 'Eine größere Reise',
      new_job: 'Eine neue Stelle',
      child_starts_school: 'Ein Kind kommt in die Schule',
    },
  },
  purchase_occasion: {
    topic: 'Anschaffung',
    question: 'Steht gerade eine größere Anschaffung an – etwa ein Auto, eine Reise oder ein Haushaltsgerät?',
    options: {
      none: 'Nein, derzeit nicht',
      durable_good: 'Ja, gerade jetzt',
    },
  },
  product_complexity: {
    topic: 'Umfang',
    question: 'Geht es heute um etwas Überschaubares oder um ein größeres Thema?',
    options: {
      simple: 'Etwas Überschaubares, das schnell geklärt ist',
      complex: 'Ein größeres Thema, das gründliche Beratung braucht',
    },
  },
} satisfies InterviewTexts;
