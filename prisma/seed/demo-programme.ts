// The demo seminar's two-day programme: written for the product from the
// press release (../shared/seed/press-release-2014-ru.md), which names the
// trainers only as "international-class trainers from the Republic of
// Bulgaria, on the recommendation of ICMPD". Their names below are made up
// for the demo.
type LocalizedText = { ru: string; ky: string; en: string };
type Kind = "SESSION" | "BREAK" | "MEAL" | "EXCURSION";

export type DemoSpeaker = {
  name: string;
  organization: string | null;
  country: string;
  bio: LocalizedText;
};

export type DemoSession = {
  /** 0: the first day, 1: the second. */
  day: 0 | 1;
  start: string;
  end: string;
  kind: Kind;
  title: LocalizedText;
  description?: LocalizedText;
  room?: string;
  /** Keys of `demoSpeakers`, in the order shown. */
  speakers?: (keyof typeof demoSpeakers)[];
};

export const demoSpeakers = {
  trainerA: {
    name: "Мария Петрова",
    organization: null,
    country: "BG",
    bio: {
      ru: "Тренер из Болгарии: разработка и оценка документов миграционной политики, опыт работы с министерствами стран Восточной Европы и ЕС.",
      ky: "Болгариялык тренер: миграциялык саясаттын документтерин иштеп чыгуу жана баалоо, Чыгыш Европа жана ЕБ өлкөлөрүнүн министрликтери менен иштөө тажрыйбасы бар.",
      en: "Trainer from Bulgaria: drafting and evaluating migration-policy documents, with experience of working with ministries in Eastern Europe and the EU.",
    },
  },
  trainerB: {
    name: "Георги Иванов",
    organization: null,
    country: "BG",
    bio: {
      ru: "Тренер из Болгарии: трудовая миграция и реинтеграция, взаимодействие государства, местного самоуправления и НПО.",
      ky: "Болгариялык тренер: эмгек миграциясы жана кайра интеграциялоо, мамлекеттин, жергиликтүү өз алдынча башкаруунун жана БӨУлардын өз ара аракеттенүүсү.",
      en: "Trainer from Bulgaria: labour migration and reintegration, cooperation between the state, local government and NGOs.",
    },
  },
} satisfies Record<string, DemoSpeaker>;

const hall = "Конференц-зал";
const coffee: LocalizedText = { ru: "Кофе-брейк", ky: "Кофе-брейк", en: "Coffee break" };
const lunch: LocalizedText = { ru: "Обед", ky: "Түшкү тамак", en: "Lunch" };

export const demoSessions: DemoSession[] = [
  {
    day: 0,
    start: "09:00",
    end: "09:30",
    kind: "SESSION",
    room: hall,
    title: { ru: "Открытие семинара", ky: "Семинардын ачылышы", en: "Opening of the seminar" },
    description: {
      ru: "Приветствие ТАЦ АУЦА и Платформы «Центральная Азия в движении», цели семинара, знакомство участников.",
      ky: "БААУнун Тянь-Шань аналитикалык борборунун жана «Борбордук Азия кыймылда» платформасынын куттуктоосу, семинардын максаттары, катышуучулар менен таанышуу.",
      en: "Welcome from TSPC AUCA and the Central Asia on the Move platform, the seminar's aims, participants introduce themselves.",
    },
  },
  {
    day: 0,
    start: "09:30",
    end: "11:00",
    kind: "SESSION",
    room: hall,
    speakers: ["trainerA", "trainerB"],
    title: {
      ru: "Международный опыт разработки документов миграционной политики",
      ky: "Миграциялык саясаттын документтерин иштеп чыгуунун эл аралык тажрыйбасы",
      en: "International experience of drafting migration-policy documents",
    },
    description: {
      ru: "Как страны ЕС и Восточной Европы готовят стратегии и программы в сфере миграции: этапы, участники, типичные ошибки.",
      ky: "ЕБ жана Чыгыш Европа өлкөлөрү миграция тармагындагы стратегияларды жана программаларды кантип даярдашат: этаптар, катышуучулар, көп кездешүүчү каталар.",
      en: "How EU and Eastern European countries prepare migration strategies and programmes: the stages, who takes part, common mistakes.",
    },
  },
  { day: 0, start: "11:00", end: "11:20", kind: "BREAK", title: coffee },
  {
    day: 0,
    start: "11:20",
    end: "13:00",
    kind: "SESSION",
    room: hall,
    speakers: ["trainerA"],
    title: {
      ru: "Стратегия, концепция, программа: опыт Болгарии",
      ky: "Стратегия, концепция, программа: Болгариянын тажрыйбасы",
      en: "Strategy, concept, programme: the Bulgarian experience",
    },
  },
  { day: 0, start: "13:00", end: "14:00", kind: "MEAL", title: lunch, room: "Ресторан" },
  {
    day: 0,
    start: "14:00",
    end: "15:30",
    kind: "SESSION",
    room: hall,
    speakers: ["trainerB"],
    title: {
      ru: "От данных о трудовой миграции к приоритетам политики",
      ky: "Эмгек миграциясы боюнча маалыматтардан саясаттын артыкчылыктарына чейин",
      en: "From labour-migration data to policy priorities",
    },
  },
  { day: 0, start: "15:30", end: "15:50", kind: "BREAK", title: coffee },
  {
    day: 0,
    start: "15:50",
    end: "17:30",
    kind: "SESSION",
    room: hall,
    speakers: ["trainerA", "trainerB"],
    title: {
      ru: "Практикум: ситуация с трудовой миграцией в Кыргызстане",
      ky: "Практикум: Кыргызстандагы эмгек миграциясынын абалы",
      en: "Workshop: the labour-migration situation in Kyrgyzstan",
    },
  },
  {
    day: 0,
    start: "17:30",
    end: "18:00",
    kind: "SESSION",
    room: hall,
    title: { ru: "Итоги первого дня", ky: "Биринчи күндүн жыйынтыгы", en: "Summing up the first day" },
  },
  {
    day: 1,
    start: "09:00",
    end: "10:30",
    kind: "SESSION",
    room: hall,
    speakers: ["trainerB", "trainerA"],
    title: {
      ru: "Взаимодействие госорганов, ОМСУ и НПО при разработке документов",
      ky: "Документтерди иштеп чыгууда мамлекеттик органдардын, ЖӨБ жана БӨУлардын өз ара аракеттенүүсү",
      en: "Government, local government and NGOs working together on policy documents",
    },
  },
  { day: 1, start: "10:30", end: "10:50", kind: "BREAK", title: coffee },
  {
    day: 1,
    start: "10:50",
    end: "13:00",
    kind: "SESSION",
    room: "Зал А",
    speakers: ["trainerA"],
    title: {
      ru: "Рабочая группа А: национальная стратегия и законодательство",
      ky: "А жумушчу тобу: улуттук стратегия жана мыйзамдар",
      en: "Working group A: national strategy and legislation",
    },
  },
  {
    day: 1,
    start: "10:50",
    end: "13:00",
    kind: "SESSION",
    room: "Зал Б",
    speakers: ["trainerB"],
    title: {
      ru: "Рабочая группа Б: местное самоуправление и НПО",
      ky: "Б жумушчу тобу: жергиликтүү өз алдынча башкаруу жана БӨУ",
      en: "Working group B: local self-government and NGOs",
    },
  },
  { day: 1, start: "13:00", end: "14:00", kind: "MEAL", title: lunch, room: "Ресторан" },
  {
    day: 1,
    start: "14:00",
    end: "15:30",
    kind: "SESSION",
    room: hall,
    speakers: ["trainerA", "trainerB"],
    title: {
      ru: "Презентация проектов документов и обсуждение",
      ky: "Документтердин долбоорлорун тааныштыруу жана талкуулоо",
      en: "Presentation of the draft documents and discussion",
    },
    description: {
      ru: "Каждая группа представляет свой проект; тренеры и участники обсуждают его.",
      ky: "Ар бир топ өз долбоорун тааныштырат; тренерлер жана катышуучулар аны талкуулашат.",
      en: "Each group presents its draft; the trainers and participants discuss it.",
    },
  },
  {
    day: 1,
    start: "15:30",
    end: "16:30",
    kind: "SESSION",
    room: hall,
    title: {
      ru: "Закрытие семинара: оценка и итоги",
      ky: "Семинардын жабылышы: баалоо жана жыйынтыктар",
      en: "Closing of the seminar: evaluation and conclusions",
    },
  },
];
