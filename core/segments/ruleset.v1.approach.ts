// Segment rule set v1: how to approach a client of each segment (channel,
// kind of argument, product type, whether a personal push is welcome), and
// where getting the assistant app onto the phone fits. Our own words, from
// the tables of shared/domain/segments.md.
import type { Approach } from './schema.ts';
import type { SegmentId } from './ids.ts';

export const APPROACH: Record<SegmentId, Approach> = {
  cautious_self_searcher: {
    channels: ['comparison_portal'], argument: 'price_performance', product: 'standard', personal_push: false,
    text: {
      en: 'Be findable and clearly comparable on portals. Start with a cheap standard base (or a free tier) and add modules later. Do not press; let them check the numbers.',
      de: 'Auf Vergleichsportalen gut auffindbar und klar vergleichbar sein. Mit einem günstigen Standardvertrag (oder einer kostenlosen Einstiegsstufe) beginnen, Bausteine später ergänzen. Nicht drängen, sondern die Zahlen selbst prüfen lassen.',
    },
    assistant: {
      en: 'Not yet: these clients keep their data away from technology. Mention the app only once they show trust in technology or use mobile channels.',
      de: 'Noch nicht: Diese Kunden vertrauen ihre Daten keiner Technik an. Die App erst ansprechen, wenn sie Vertrauen in Technik zeigen oder mobile Kanäle nutzen.',
    },
  },
  social_media_user: {
    channels: ['online_shop'], argument: 'price_performance', product: 'partly_individualised', personal_push: false,
    text: {
      en: 'Reach them through targeted ads, community tips and curated partner offers that lead to the online shop. Tailor the product to what their social data shows; a plain standard offer rarely lands.',
      de: 'Mit gezielter Werbung, Empfehlungen aus der Community und ausgewählten Partnerangeboten in den Online-Shop führen. Das Produkt an das anpassen, was die Daten aus sozialen Netzwerken zeigen; ein reines Standardangebot kommt selten an.',
    },
    assistant: {
      en: 'They will not install a manufacturer app today. Keep the door open: once they start trusting assistants, the app is the next step.',
      de: 'Eine App des Herstellers installieren sie derzeit nicht. Die Tür offen halten: Sobald sie Assistenten vertrauen, ist die App der nächste Schritt.',
    },
  },
  convenient_non_searcher: {
    channels: ['assistant_app'], argument: 'price_performance', product: 'adaptive', personal_push: false,
    text: {
      en: 'Let the assistant suggest what fits right now, answerable with yes or no in a few taps. Offer adaptive products and a budget the assistant may spend on small temporary cover.',
      de: 'Den Assistenten vorschlagen lassen, was gerade passt – mit wenigen Fingertipps per Ja oder Nein zu beantworten. Anpassungsfähige Produkte anbieten und ein Budget, aus dem der Assistent kleine befristete Produkte selbst kaufen darf.',
    },
    assistant: {
      en: 'The app is already their channel: keep its suggestions relevant so it stays in regular use.',
      de: 'Die App ist bereits ihr Kanal: Die Vorschläge müssen relevant bleiben, damit sie die App weiter regelmäßig nutzen.',
    },
  },
  passive_co_buyer: {
    channels: ['point_of_sale'], argument: 'price_performance', product: 'standard', personal_push: true,
    text: {
      en: 'Meet them at the counter while they buy the main product. Offer a simple add-on as a choice between variants A, B and C so it feels light; the staff may set the price.',
      de: 'Beim Kauf des Hauptprodukts am Verkaufsort ansprechen. Ein einfaches Zusatzprodukt als Wahl zwischen den Varianten A, B und C anbieten, damit kein Druck entsteht; das Personal darf den Preis festlegen.',
    },
    assistant: {
      en: 'The sale is the moment: offer the app as a help with what they have just bought (trip, car, appliance).',
      de: 'Der Kauf ist der richtige Moment: die App als Hilfe rund um das gerade Gekaufte anbieten (Reise, Auto, Gerät).',
    },
  },
  conscious_purchase_seeker: {
    channels: ['advisor_meeting'], argument: 'price_performance', product: 'partly_individualised', personal_push: true,
    text: {
      en: 'Meet in person and enter their answers together with them. Expect them to have done their research beforehand: be open about price and performance. After the sale they are open to well-founded upgrades.',
      de: 'Persönlich treffen und die Antworten gemeinsam erfassen. Damit rechnen, dass sie vorher recherchiert haben: offen über Preis und Leistung sprechen. Nach dem Kauf sind sie für begründete Erweiterungen offen.',
    },
    assistant: {
      en: 'Only if they ask, and as a way to stay in touch with you, never as tracking. If they feel neglected, the app can keep them.',
      de: 'Nur auf Nachfrage und als Draht zu Ihnen, nie als Überwachung. Fühlen sie sich vernachlässigt, kann die App sie halten.',
    },
  },
  responsibility_delegator: {
    channels: ['life_coach'], argument: 'price_performance', product: 'adaptive', personal_push: true,
    text: {
      en: 'Work through their life coach, who acts on the assistant’s alerts. Offer individual, adaptive products and a mandate: a budget and product areas for small temporary or modular purchases.',
      de: 'Über den Life-Coach arbeiten, der auf die Hinweise des Assistenten reagiert. Individuelle, anpassungsfähige Produkte anbieten und eine Vollmacht: Budget und Produktbereiche für kleine befristete oder modulare Käufe.',
    },
    assistant: {
      en: 'The coach recommends the app; make sure it is installed and linked to the coach.',
      de: 'Der Coach empfiehlt die App; darauf achten, dass sie installiert und mit dem Coach verbunden ist.',
    },
  },
  brand_identity_seeker: {
    channels: ['advisor_meeting', 'online_shop'], argument: 'identity', product: 'partly_individualised', personal_push: false,
    text: {
      en: 'Talk about what the brand stands for (sustainability, sport, design, home region) and never about price or feature lists.',
      de: 'Über das sprechen, wofür die Marke steht (Nachhaltigkeit, Sport, Design, Heimat), nie über Preis oder Merkmalslisten.',
    },
  },
  entrepreneurial_identity_seeker: {
    channels: ['host_portal'], argument: 'identity', product: 'standard', personal_push: true,
    text: {
      en: 'Sell through the host’s own portal and its people, under the host’s name. The argument: “Buying this supports your club or cause.”',
      de: 'Über das Portal des Identitätswirts und seine Leute verkaufen, unter seinem Namen. Das Argument: „Mit diesem Kauf unterstützen Sie Ihren Verein oder Ihr Anliegen.“',
    },
  },
  community_identity_seeker: {
    channels: ['specialist_retailer'], argument: 'identity', product: 'partly_individualised', personal_push: true,
    text: {
      en: 'Go through a specialist retailer who truly lives the same identity. Argue with shared identity and honest benefit; the retailer may adjust product and price within the granted price range.',
      de: 'Über einen Fachhändler gehen, der dieselbe Haltung glaubwürdig lebt. Mit gemeinsamer Identität und ehrlichem Nutzen argumentieren; der Händler darf Produkt und Preis innerhalb der gewährten Preisspanne anpassen.',
    },
  },
};
