// Texts of the demo event, from ../shared/seed/press-release-2014-ru.md (Bishkek, 29 April 2014).
// The 2014 dates are left out: the demo seed moves the days into the future.
type LocalizedText = { ru: string; ky: string; en: string };
type Party = { role: "ORGANIZER" | "PARTNER" | "FUNDER"; name: LocalizedText; url?: string };
type Question = {
  type: "SINGLE_CHOICE" | "YES_NO" | "SHORT_TEXT";
  required: boolean;
  label: LocalizedText;
  help?: LocalizedText;
  options?: { label: LocalizedText; places: number }[];
  /** Shown only when the question just before is answered so. */
  shownIf?: "yes";
};

export const demoEventTexts: {
  slug: string;
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  audience: LocalizedText;
  venueName: LocalizedText;
  venueAddress: LocalizedText;
  parties: Party[];
  questions: Question[];
} = {
  slug: "migration-strategy-seminar",

  title: {
    ru: "Разработка стратегических документов в сфере трудовой миграции: семинар для госслужащих, работников ОМСУ и НПО",
    ky: "Эмгек миграциясы тармагында стратегиялык документтерди иштеп чыгуу: мамлекеттик кызматчылар, ЖӨБ жана БӨУ үчүн семинар",
    en: "Developing Strategic Documents on Labour Migration: A Seminar for Civil Servants, Local Government and NGO Staff",
  },

  summary: {
    ru: "Двухдневный обучающий семинар в Иссык-Кульской области по разработке стратегических документов в области миграции для сотрудников Министерства труда, миграции и молодежи КР, местного самоуправления и организаций гражданского общества.",
    ky: "Ысык-Көл облусунда КР Эмгек, миграция жана жаштар министрлигинин, жергиликтүү өз алдынча башкаруу органдарынын жана жарандык коом уюмдарынын кызматкерлери үчүн миграция тармагындагы стратегиялык документтерди иштеп чыгуу боюнча эки күндүк окуу семинары.",
    en: "A two-day training seminar in the Issyk-Kul region on developing strategic documents on migration, for staff of the Ministry of Labour, Migration and Youth of the Kyrgyz Republic, local self-government bodies and civil-society organisations.",
  },

  description: {
    ru: `**Тянь-Шаньский аналитический центр при Американском университете в Центральной Азии (ТАЦ АУЦА)** совместно с **Партнерской Гражданской Платформой «Центральная Азия в движении»** в Иссык-Кульской области проводит тренинг по разработке стратегических документов в области миграции для сотрудников Министерства труда, миграции и молодежи КР, местного самоуправления и организаций гражданского общества.

Двухдневный семинар на тему «*Построение потенциала и укрепление взаимодействия государственных служащих и работников ОМСУ, НПО в разработке стратегических документов в сфере трудовой миграции*» предлагает тематику по разработке стратегических документов в области миграции на основе имеющегося прогрессивного международного опыта создания таких документов, с учетом ситуации в Кыргызстане.

Семинар проводится тренерами международного класса из Республики Болгария по рекомендации Международного центра по разработке миграционной политики. Тренинг проходит в рамках:

- проекта ТАЦ АУЦА (см. ниже);
- деятельности Большого общественного совета по миграции ПГП «Центральная Азия в движении»;
- проекта «Путь к эффективной миграционной политике», реализуемого ОО «Ресурсный центр для пожилых» при финансовой поддержке DCA Central Asia и Bread for the World (Brot für die Welt).

**Тянь-Шаньский аналитический центр** ([auca.kg/ru/tspc](http://auca.kg/ru/tspc/)), научно-исследовательский центр Американского университета в Центральной Азии, в настоящее время реализует проект «Защита прав мигрантов из Кыргызстана и других Центрально-азиатских стран: анализ политики, построение потенциала и содействие продвижению реформам» при финансовой поддержке Программы по международной миграции Фонда открытого общества. Проект реализуется в рамках Программы ТАЦ АУЦА по миграции и социальной защите. Одна из его целей — содействие в построении и развитии потенциала государственных служащих, работающих в сфере миграции, путем предоставления экспертной поддержки и материалов по разработке документов для проведения эффективной миграционной политики.

**Платформа «Центральная Азия в движении»** ([www.camplatform.org](http://www.camplatform.org)) с 2012 года работает с целью содействия обеспечению гражданских и социальных прав трудовых мигрантов и их семей в Центральной Азии. Платформа объединяет 25 организаций гражданского общества Центральной Азии, занимающихся вопросами миграции на национальном и международном уровнях.`,

    ky: `**Борбордук Азиядагы Америка университетинин (БААУ) Тянь-Шань аналитикалык борбору** **«Борбордук Азия кыймылда» жарандык өнөктөштүк платформасы** менен биргеликте Ысык-Көл облусунда КР Эмгек, миграция жана жаштар министрлигинин, жергиликтүү өз алдынча башкаруу органдарынын жана жарандык коом уюмдарынын кызматкерлери үчүн миграция тармагындагы стратегиялык документтерди иштеп чыгуу боюнча тренинг өткөрөт.

«*Эмгек миграциясы тармагындагы стратегиялык документтерди иштеп чыгууда мамлекеттик кызматчылардын, ЖӨБ органдарынын жана БӨУлардын кызматкерлеринин потенциалын жогорулатуу жана алардын өз ара аракеттенүүсүн чыңдоо*» темасындагы эки күндүк семинарда бул маселе мындай документтерди түзүүнүн алдыңкы эл аралык тажрыйбасынын негизинде, Кыргызстандагы кырдаалды эске алуу менен каралат.

Семинарды Миграциялык саясатты иштеп чыгуу боюнча эл аралык борбордун сунушу менен Болгария Республикасынан келген эл аралык деңгээлдеги тренерлер өткөрөт. Тренинг төмөнкүлөрдүн алкагында өтөт:

- БААУнун Тянь-Шань аналитикалык борборунун долбоору (төмөндү караңыз);
- «Борбордук Азия кыймылда» платформасынын Миграция боюнча чоң коомдук кеңешинин ишмердүүлүгү;
- «Улгайган адамдар үчүн ресурстук борбор» коомдук бирикмеси DCA Central Asia жана Bread for the World (Brot für die Welt) уюмдарынын каржылык колдоосу менен ишке ашырып жаткан «Натыйжалуу миграциялык саясатка жол» долбоору.

**Тянь-Шань аналитикалык борбору** ([auca.kg/ru/tspc](http://auca.kg/ru/tspc/)) — БААУнун илимий-изилдөө борбору — учурда Ачык коом фондунун Эл аралык миграция боюнча программасынын каржылык колдоосу менен «Кыргызстандан жана Борбордук Азиянын башка өлкөлөрүнөн чыккан мигранттардын укуктарын коргоо: саясатты талдоо, потенциалды жогорулатуу жана реформаларды илгерилетүүгө көмөктөшүү» долбоорун ишке ашырууда. Долбоор борбордун Миграция жана социалдык коргоо программасынын алкагында ишке ашырылат. Анын максаттарынын бири — миграция тармагында иштеген мамлекеттик кызматчыларга натыйжалуу миграциялык саясат жүргүзүү үчүн документтерди иштеп чыгуу боюнча эксперттик колдоо жана материалдар берүү аркылуу алардын потенциалын түзүүгө жана өнүктүрүүгө көмөктөшүү.

**«Борбордук Азия кыймылда» платформасы** ([www.camplatform.org](http://www.camplatform.org)) 2012-жылдан бери Борбордук Азиядагы эмгек мигранттарынын жана алардын үй-бүлөлөрүнүн жарандык жана социалдык укуктарын камсыз кылууга көмөктөшүү максатында иштеп келет. Платформа миграция маселелери менен улуттук жана эл аралык деңгээлде алектенген Борбордук Азиянын 25 жарандык коом уюмун бириктирет.`,

    en: `The **Tian Shan Policy Center of the American University of Central Asia (TSPC AUCA)**, together with the **Civic Partnership Platform “Central Asia on the Move”**, is holding a training on developing strategic documents on migration in the Issyk-Kul region, for staff of the Ministry of Labour, Migration and Youth of the Kyrgyz Republic, of local self-government bodies and of civil-society organisations.

The two-day seminar, on the theme “*Building the capacity and strengthening the cooperation of civil servants, local self-government staff and NGOs in developing strategic documents on labour migration*”, covers the development of strategic documents on migration based on progressive international experience in drafting such documents, taking into account the situation in Kyrgyzstan.

The seminar is led by international-level trainers from the Republic of Bulgaria, recommended by the International Centre for Migration Policy Development (ICMPD). The training is held as part of:

- a project of TSPC AUCA (see below);
- the activities of the Big Public Council on Migration of the Platform “Central Asia on the Move”;
- the project “Path to an Effective Migration Policy”, implemented by the Public Association “Resource Center for the Elderly” with financial support from DCA Central Asia and Bread for the World (Brot für die Welt).

The **Tian Shan Policy Center** ([auca.kg/ru/tspc](http://auca.kg/ru/tspc/)), a research center of the American University of Central Asia, is implementing the project “Protecting the Rights of Migrants from Kyrgyzstan and Other Central Asian Countries: Policy Analysis, Capacity Building and Support for Reforms”, funded by the International Migration Initiative of the Open Society Foundations. The project is part of the TSPC AUCA Programme on Migration and Social Protection. One of its aims is to help build and develop the capacity of civil servants working on migration by providing expert support and materials on drafting documents for an effective migration policy.

The **Platform “Central Asia on the Move”** ([www.camplatform.org](http://www.camplatform.org)) has worked since 2012 to promote the civil and social rights of labour migrants and their families in Central Asia. It brings together 25 civil-society organisations of Central Asia working on migration at the national and international levels.`,
  },

  audience: {
    ru: "Сотрудники Министерства труда, миграции и молодежи Кыргызской Республики, органов местного самоуправления (ОМСУ) и организаций гражданского общества (НПО).",
    ky: "Кыргыз Республикасынын Эмгек, миграция жана жаштар министрлигинин, жергиликтүү өз алдынча башкаруу (ЖӨБ) органдарынын жана жарандык коом уюмдарынын (БӨУ) кызматкерлери.",
    en: "Staff of the Ministry of Labour, Migration and Youth of the Kyrgyz Republic, of local self-government bodies and of civil-society organisations (NGOs).",
  },

  venueName: {
    ru: "Иссык-Кульская область",
    ky: "Ысык-Көл облусу",
    en: "Issyk-Kul region",
  },

  venueAddress: {
    ru: "Кыргызская Республика",
    ky: "Кыргыз Республикасы",
    en: "Kyrgyz Republic",
  },

  parties: [
    {
      role: "ORGANIZER",
      name: {
        ru: "Тянь-Шаньский аналитический центр Американского университета в Центральной Азии",
        ky: "Борбордук Азиядагы Америка университетинин Тянь-Шань аналитикалык борбору",
        en: "Tian Shan Policy Center of the American University of Central Asia",
      },
      url: "http://auca.kg/ru/tspc/",
    },
    {
      role: "ORGANIZER",
      name: {
        ru: "Партнерская Гражданская Платформа «Центральная Азия в движении»",
        ky: "«Борбордук Азия кыймылда» жарандык өнөктөштүк платформасы",
        en: "Civic Partnership Platform “Central Asia on the Move”",
      },
      url: "http://www.camplatform.org",
    },
    {
      role: "PARTNER",
      name: {
        ru: "ОО «Ресурсный центр для пожилых»",
        ky: "«Улгайган адамдар үчүн ресурстук борбор» коомдук бирикмеси",
        en: "Public Association “Resource Center for the Elderly”",
      },
    },
    {
      role: "PARTNER",
      name: {
        ru: "Международный центр по разработке миграционной политики (ICMPD)",
        ky: "Миграциялык саясатты иштеп чыгуу боюнча эл аралык борбор (ICMPD)",
        en: "International Centre for Migration Policy Development (ICMPD)",
      },
    },
    {
      role: "FUNDER",
      name: {
        ru: "Фонд открытого общества — Программа по международной миграции",
        ky: "Ачык коом фонду — Эл аралык миграция боюнча программа",
        en: "Open Society Foundations — International Migration Initiative",
      },
    },
    {
      role: "FUNDER",
      name: {
        ru: "DCA Central Asia",
        ky: "DCA Central Asia",
        en: "DCA Central Asia",
      },
    },
    {
      role: "FUNDER",
      name: {
        ru: "Bread for the World (Brot für die Welt)",
        ky: "Bread for the World (Brot für die Welt)",
        en: "Bread for the World (Brot für die Welt)",
      },
    },
  ],

  // The event's own questions (issue 15), so that a newcomer sees them at once.
  questions: [
    {
      type: "SINGLE_CHOICE",
      required: true,
      label: { ru: "Рабочая группа", ky: "Жумушчу топ", en: "Working group" },
      help: {
        ru: "На второй день участники работают в одной из двух групп.",
        ky: "Экинчи күнү катышуучулар эки топтун биринде иштешет.",
        en: "On the second day participants work in one of two groups.",
      },
      options: [
        {
          label: {
            ru: "Группа А: национальная стратегия и законодательство",
            ky: "А тобу: улуттук стратегия жана мыйзамдар",
            en: "Group A: national strategy and legislation",
          },
          places: 20,
        },
        {
          label: {
            ru: "Группа Б: местное самоуправление и НПО",
            ky: "Б тобу: жергиликтүү өз алдынча башкаруу жана БӨУ",
            en: "Group B: local self-government and NGOs",
          },
          places: 20,
        },
      ],
    },
    {
      type: "YES_NO",
      required: false,
      label: { ru: "Нужен ли вам перевод?", ky: "Сизге котормо керекпи?", en: "Do you need interpretation?" },
      help: {
        ru: "Семинар проходит на русском языке.",
        ky: "Семинар орус тилинде өтөт.",
        en: "The seminar is held in Russian.",
      },
    },
    {
      type: "SHORT_TEXT",
      required: true,
      label: { ru: "На какой язык?", ky: "Кайсы тилге?", en: "Into which language?" },
      shownIf: "yes",
    },
  ],
};
