// The demo seminar's pre/post test and feedback survey
// (docs/decisions/032-outcome-instruments.md), written for the product on the
// seminar's topic: strategic documents on labour migration.
type LocalizedText = { ru: string; ky: string; en: string };
type Option = { label: LocalizedText; correct?: boolean };
type TestQuestion = { type: "SINGLE_CHOICE" | "MULTIPLE_CHOICE"; label: LocalizedText; options: Option[] };
type SurveyQuestion =
  | { type: "SCALE"; label: LocalizedText; low: LocalizedText; high: LocalizedText; satisfaction?: true }
  | { type: "SINGLE_CHOICE"; label: LocalizedText; options: Option[] }
  | { type: "LONG_TEXT"; label: LocalizedText };

/** Five knowledge questions, a point each: the pre-test, asked again by the post-test. */
export const demoTest: TestQuestion[] = [
  {
    type: "SINGLE_CHOICE",
    label: {
      ru: "Какой документ задаёт долгосрочные цели государственной политики в сфере миграции?",
      ky: "Миграция тармагындагы мамлекеттик саясаттын узак мөөнөттүү максаттарын кайсы документ аныктайт?",
      en: "Which document sets the long-term goals of state migration policy?",
    },
    options: [
      {
        label: {
          ru: "Концепция (стратегия) миграционной политики",
          ky: "Миграциялык саясаттын концепциясы (стратегиясы)",
          en: "The migration policy concept (strategy)",
        },
        correct: true,
      },
      {
        label: {
          ru: "Ежегодный отчёт министерства",
          ky: "Министрликтин жылдык отчёту",
          en: "The ministry's annual report",
        },
      },
      {
        label: { ru: "Приказ о командировке", ky: "Иш сапарга жиберүү буйругу", en: "A business-trip order" },
      },
    ],
  },
  {
    type: "MULTIPLE_CHOICE",
    label: {
      ru: "Что должно быть в плане действий к стратегии? Отметьте все верные ответы.",
      ky: "Стратегиянын иш-аракет планында эмне болушу керек? Бардык туура жоопторду белгилеңиз.",
      en: "What belongs in a strategy's action plan? Tick every correct answer.",
    },
    options: [
      {
        label: {
          ru: "Мероприятия с ответственными исполнителями и сроками",
          ky: "Жооптуу аткаруучулары жана мөөнөттөрү менен иш-чаралар",
          en: "Measures with responsible bodies and deadlines",
        },
        correct: true,
      },
      {
        label: {
          ru: "Индикаторы, по которым измеряется результат",
          ky: "Натыйжаны өлчөөчү индикаторлор",
          en: "Indicators by which results are measured",
        },
        correct: true,
      },
      {
        label: {
          ru: "Биографии разработчиков",
          ky: "Иштеп чыгуучулардын өмүр баяндары",
          en: "The drafters' biographies",
        },
      },
    ],
  },
  {
    type: "SINGLE_CHOICE",
    label: {
      ru: "С чего начинается разработка стратегического документа?",
      ky: "Стратегиялык документти иштеп чыгуу эмнеден башталат?",
      en: "Where does drafting a strategic document start?",
    },
    options: [
      {
        label: {
          ru: "С анализа ситуации и проблем, в том числе данных о трудовых мигрантах",
          ky: "Кырдаалды жана көйгөйлөрдү, анын ичинде эмгек мигранттары тууралуу маалыматтарды талдоодон",
          en: "With an analysis of the situation and its problems, including data on labour migrants",
        },
        correct: true,
      },
      { label: { ru: "С утверждения бюджета", ky: "Бюджетти бекитүүдөн", en: "With approving the budget" } },
      { label: { ru: "С пресс-релиза", ky: "Пресс-релизден", en: "With a press release" } },
    ],
  },
  {
    type: "SINGLE_CHOICE",
    label: {
      ru: "Какой из индикаторов можно измерить?",
      ky: "Бул индикаторлордун кайсынысын өлчөөгө болот?",
      en: "Which of these indicators can be measured?",
    },
    options: [
      {
        label: {
          ru: "Доля вернувшихся мигрантов, получивших консультацию, % за год",
          ky: "Жыл ичинде консультация алган кайтып келген мигранттардын үлүшү, %",
          en: "The share of returning migrants who received advice, % per year",
        },
        correct: true,
      },
      {
        label: {
          ru: "Улучшение положения мигрантов",
          ky: "Мигранттардын абалын жакшыртуу",
          en: "Improving migrants' situation",
        },
      },
      {
        label: {
          ru: "Повышение осведомлённости в целом",
          ky: "Жалпысынан маалымдуулукту жогорулатуу",
          en: "Raising awareness in general",
        },
      },
    ],
  },
  {
    type: "SINGLE_CHOICE",
    label: {
      ru: "Кого нужно вовлечь в обсуждение проекта стратегии?",
      ky: "Стратегиянын долбоорун талкуулоого кимдерди тартуу керек?",
      en: "Who should take part in discussing a draft strategy?",
    },
    options: [
      {
        label: {
          ru: "Государственные органы, ОМСУ, НПО и самих мигрантов",
          ky: "Мамлекеттик органдарды, ЖӨБ органдарын, БӨУларды жана мигранттардын өздөрүн",
          en: "State bodies, local governments, NGOs and migrants themselves",
        },
        correct: true,
      },
      {
        label: {
          ru: "Только сотрудников министерства",
          ky: "Министрликтин кызматкерлерин гана",
          en: "Only the ministry's staff",
        },
      },
      {
        label: {
          ru: "Никого: документ готовят эксперты",
          ky: "Эч кимди: документти эксперттер даярдайт",
          en: "No one: experts prepare the document",
        },
      },
    ],
  },
];

/** Four questions after the seminar; the first says who is satisfied. */
export const demoSurvey: SurveyQuestion[] = [
  {
    type: "SCALE",
    satisfaction: true,
    label: {
      ru: "Насколько вы довольны семинаром в целом?",
      ky: "Семинарга жалпысынан канчалык канааттандыңыз?",
      en: "How satisfied are you with the seminar overall?",
    },
    low: { ru: "Совсем не доволен", ky: "Такыр канааттанган жокмун", en: "Not at all satisfied" },
    high: { ru: "Очень доволен", ky: "Абдан канааттандым", en: "Very satisfied" },
  },
  {
    type: "SCALE",
    label: {
      ru: "Насколько полезны материалы семинара для вашей работы?",
      ky: "Семинардын материалдары сиздин ишиңиз үчүн канчалык пайдалуу?",
      en: "How useful are the seminar's materials for your work?",
    },
    low: { ru: "Бесполезны", ky: "Пайдасыз", en: "Not useful" },
    high: { ru: "Очень полезны", ky: "Абдан пайдалуу", en: "Very useful" },
  },
  {
    type: "SINGLE_CHOICE",
    label: {
      ru: "Какая часть семинара была для вас самой полезной?",
      ky: "Семинардын кайсы бөлүгү сиз үчүн эң пайдалуу болду?",
      en: "Which part of the seminar was most useful to you?",
    },
    options: [
      { label: { ru: "Анализ ситуации", ky: "Кырдаалды талдоо", en: "Situation analysis" } },
      { label: { ru: "Цели и индикаторы", ky: "Максаттар жана индикаторлор", en: "Goals and indicators" } },
      { label: { ru: "План действий", ky: "Иш-аракет планы", en: "The action plan" } },
      { label: { ru: "Обсуждение в группах", ky: "Топтордогу талкуу", en: "Group discussion" } },
    ],
  },
  {
    type: "LONG_TEXT",
    label: { ru: "Что нам улучшить?", ky: "Эмнени жакшыртышыбыз керек?", en: "What should we improve?" },
  },
];
