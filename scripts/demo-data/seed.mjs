// Writes the FitnessMealPlanner demo dataset (about 60,000 keys in dbs 0-2) for `npm run demo`.
// The data follows the key patterns and TTL policy of SPEC.md section 4, plus the mistakes a
// real cache accumulates (keys without a TTL, unclassified keys, big keys, odd key names), so
// every Redlens panel has something to show. Same seed, same dataset: no Math.random, no clock.
import { createHash } from 'node:crypto';

/** Which db holds what, as in the guide's client configuration. */
export const DB = { cache: 0, sessions: 1, mealPlans: 2 };

/**
 * The day the dataset pretends to be written on. Fixed, so keys with dates in their names
 * are the same on every run; TTLs are relative, so they are right whatever the real date.
 */
export const DATASET_DAY = '2026-11-23';

const SEED = 20261123;
const BATCH_SIZE = 1000;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Policy TTLs (seconds) from SPEC.md section 4. */
export const TTL = {
  session: DAY,
  preferences: 30 * DAY,
  mealPlan: 7 * DAY,
  recipeMin: 4 * HOUR,
  recipeMax: 24 * HOUR,
  search: 30 * MINUTE,
  progress: 90 * DAY,
};

/** How many keys of each family the seed writes. */
export const COUNTS = {
  recipes: 15_000,
  recipesWithoutTtl: 300,
  searches: 10_000,
  searchesWithoutTtl: 200,
  preferences: 8_000,
  progressUsers: 600,
  progressEntriesPerUser: 10,
  tmpImports: 200,
  legacyCache: 300,
  rateLimits: 100,
  sessions: 8_000,
  userSessions: 6_000,
  mealPlanUsers: 700,
  mealPlanDays: 7,
  mealPlanDocs: 1_000,
};

/** The most viewed recipes (ids 1..HOT_RECIPE_COUNT): the workload's hot set. */
export const HOT_RECIPE_COUNT = 1_000;

export const BIG_KEYS = {
  set: 'recipe:index:all-ids', // 50,000 members
  list: 'queue:mealplan:generate', // 20,000 jobs
  hash: 'stats:recipe:views', // 20,000 fields
  zset: 'popular:recipes:all', // 20,000 members
  string: 'export:recipes:catalog.json', // 2 MiB
  stream: 'events:progress', // 5,000 entries
};

const BIG_SIZES = { set: 50_000, list: 20_000, hash: 20_000, zset: 20_000, stringBytes: 2 * 1024 * 1024, stream: 5_000 };

/** Keys whose names the UI must show as text, byte for byte (all in db 0). */
export const SPECIAL_KEYS = {
  invalidUtf8: Buffer.concat([Buffer.from('legacy:bin:'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80])]),
  newlineAndTab: 'search:line1\nline2\tcolumn',
  accents: 'recipe:crème-brûlée',
  accentsHash: 'user:42:préférences',
  cjk: '菜谱:123',
  emoji: 'recipe:🥑-avocado-toast',
  rightToLeft: 'وصفة:7',
  markup: 'recipe:<script>alert(1)</script>',
  glob: 'search:[draft]*?',
  long: `tmp:import:${'s3://fmp-imports/2026/11/recipes-batch-'.repeat(16)}final.csv`,
};

/** The value of SPECIAL_KEYS.markup: the UI must render it as text, never as HTML. */
export const MARKUP_VALUE = '<script>alert(2)</script><img src=x onerror="alert(3)"><b>bold?</b>';

const CATEGORIES = [
  'breakfast', 'lunch', 'dinner', 'snack', 'dessert', 'vegan',
  'vegetarian', 'keto', 'paleo', 'high-protein', 'low-carb', 'gluten-free',
];
const CUISINES = ['mediterranean', 'mexican', 'italian', 'japanese', 'indian', 'thai', 'american', 'french', 'greek', 'korean'];
const ADJECTIVES = ['Smoky', 'Zesty', 'Creamy', 'Spicy', 'Roasted', 'Crispy', 'Herbed', 'Honey', 'Garlic', 'Lemon', 'Sesame', 'Harissa'];
const MAINS = ['Chicken', 'Salmon', 'Tofu', 'Chickpea', 'Turkey', 'Lentil', 'Shrimp', 'Beef', 'Quinoa', 'Egg', 'Tempeh', 'Cod'];
const DISHES = ['Bowl', 'Salad', 'Wrap', 'Stir-Fry', 'Curry', 'Tacos', 'Soup', 'Skillet', 'Bake', 'Omelette', 'Stew', 'Skewers'];
const INGREDIENTS = [
  'olive oil', 'red onion', 'garlic', 'cherry tomatoes', 'spinach', 'brown rice', 'sweet potato', 'greek yogurt',
  'feta', 'avocado', 'lime', 'cilantro', 'cumin', 'smoked paprika', 'black beans', 'broccoli', 'bell pepper',
  'oats', 'almond milk', 'blueberries', 'chia seeds', 'soy sauce', 'ginger', 'coconut milk', 'zucchini', 'kale',
];
const UNITS = ['g', 'ml', 'tbsp', 'tsp', 'cup', 'piece', 'pinch'];
const STEP_TEMPLATES = [
  (a) => `Preheat the oven to 200°C and line a tray with baking paper; toss the ${a} with a little oil and salt.`,
  (a) => `Warm a large pan over medium heat, add the ${a} and cook for 4-5 minutes, stirring now and then.`,
  (a, b) => `Whisk the ${a} with the ${b} in a small bowl until smooth, then season to taste.`,
  (a, b) => `Add the ${b} and simmer gently for 10 minutes, until the sauce has thickened slightly.`,
  (a) => `Rinse and drain the ${a}; pat dry with a clean towel so it browns instead of steaming.`,
  (a) => `Divide between bowls, top with the ${a} and a squeeze of lime, and serve straight away.`,
  (a) => `Let it rest for 5 minutes before slicing, which keeps the ${a} juicy.`,
  (a, b) => `Meal-prep tip: store the ${a} and the ${b} separately for up to 3 days in the fridge.`,
];
const DIETS = ['omnivore', 'vegetarian', 'vegan', 'pescatarian', 'keto', 'paleo'];
const ALLERGENS = ['peanuts', 'tree-nuts', 'gluten', 'dairy', 'eggs', 'soy', 'shellfish', 'sesame'];
const SEARCH_WORDS = ['chicken', 'high protein', 'low carb', 'breakfast', 'vegan', 'quick', 'under 500 kcal', 'salmon', 'meal prep', 'curry', 'gluten free', 'snack'];
const USER_AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15',
  'FitnessMealPlanner/3.4.1 (Android 15; Pixel 8)',
];
const PROGRESS_TYPES = ['weight', 'bodyfat', 'measurements', 'workout', 'water'];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive one seed per family or per entity from a label. */
function hashLabel(label) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A random source for one family of keys (or one entity). Seeding per family keeps each family
 * stable when another one changes.
 */
export function randomFor(label) {
  const next = mulberry32(SEED ^ hashLabel(label));
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    hex: (length) => Array.from({ length }, () => '0123456789abcdef'[int(0, 15)]).join(''),
    uuid() {
      const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[int(0, 15)]);
      hex[12] = '4';
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

const round1 = (value) => Math.round(value * 10) / 10;
const clamp = (value, min, max) => Math.min(max, Math.max(min, value));

/** `YYYY-MM-DD` of DATASET_DAY shifted by `days`. */
function dayOffset(days) {
  const date = new Date(`${DATASET_DAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const DATASET_MS = Date.parse(`${DATASET_DAY}T12:00:00Z`);
const isoAt = (secondsBefore) => new Date(DATASET_MS - secondsBefore * 1000).toISOString();

// ---------------------------------------------------------------------------------------------
// Values (exported so the workload writes the same shapes)

/** Views fall off with the id, so low ids are the popular recipes (the workload's hot set). */
function recipeViews(id) {
  const random = randomFor(`recipe-views:${id}`);
  return Math.round((30_000 / Math.sqrt(id)) * (0.6 + 0.8 * random.next()));
}

/** The guide's popularity-based TTL (views / 100 hours), held inside the 4-24 h policy. */
export function recipeTtlSeconds(id) {
  const random = randomFor(`recipe-ttl:${id}`);
  const hours = recipeViews(id) / 100;
  // A few minutes of jitter so thousands of recipes do not expire in the same second.
  return Math.round(clamp(hours * HOUR + random.int(0, 10 * MINUTE), TTL.recipeMin, TTL.recipeMax));
}

/** A recipe document as the app caches it: 1-3 KB of JSON. */
export function buildRecipe(id) {
  const random = randomFor(`recipe:${id}`);
  const name = `${random.pick(ADJECTIVES)} ${random.pick(MAINS)} ${random.pick(DISHES)}`;
  const ingredients = Array.from({ length: random.int(6, 16) }, () => ({
    name: random.pick(INGREDIENTS),
    amount: random.int(1, 400),
    unit: random.pick(UNITS),
  }));
  const steps = Array.from({ length: random.int(4, 12) }, () =>
    random.pick(STEP_TEMPLATES)(random.pick(ingredients).name, random.pick(ingredients).name),
  );
  const protein = random.int(8, 60);
  const carbs = random.int(5, 90);
  const fat = random.int(3, 40);
  return JSON.stringify({
    id,
    slug: name.toLowerCase().replaceAll(' ', '-'),
    name,
    category: random.pick(CATEGORIES),
    cuisine: random.pick(CUISINES),
    description: `A ${name.toLowerCase()} that is ready in under ${random.int(15, 60)} minutes and keeps well for meal prep.`,
    servings: random.int(1, 6),
    prepMinutes: random.int(5, 30),
    cookMinutes: random.int(0, 60),
    nutrition: { calories: protein * 4 + carbs * 4 + fat * 9, protein, carbs, fat, fiber: random.int(1, 15), sodiumMg: random.int(80, 1200) },
    ingredients,
    steps,
    tags: Array.from({ length: random.int(2, 5) }, () => random.pick(CATEGORIES)),
    rating: { average: round1(3 + 2 * random.next()), count: random.int(0, 2_000) },
    viewCount: recipeViews(id),
    author: { id: random.int(1, 400), name: `coach-${random.int(1, 400)}` },
    updatedAt: isoAt(random.int(0, 400 * DAY)),
  });
}

/** The search:{hash} key for a query: sha1 of its parameters, as the app does. */
export function searchKey(query) {
  return `search:${createHash('sha1').update(JSON.stringify(query)).digest('hex')}`;
}

/** A page of search results: `resultCount` hits of ~80 bytes each. */
export function buildSearchResults(random, query, resultCount) {
  const results = Array.from({ length: resultCount }, () => {
    const id = random.int(1, COUNTS.recipes);
    return { id, name: `${random.pick(ADJECTIVES)} ${random.pick(MAINS)} ${random.pick(DISHES)}`, calories: random.int(150, 900), score: round1(random.next() * 10) };
  });
  return JSON.stringify({ query, total: random.int(resultCount, 5_000), page: 1, results });
}

/** A random search query; `extra` lets the caller make it unique. */
export function randomSearchQuery(random, extra = {}) {
  return {
    q: `${random.pick(SEARCH_WORDS)} ${random.pick(SEARCH_WORDS)}`,
    diet: random.pick(DIETS),
    maxCalories: random.int(3, 12) * 100,
    sort: random.pick(['relevance', 'rating', 'newest']),
    ...extra,
  };
}

/** The `user:{id}:session` value (a JSON string; `session:{id}` keys are hashes). */
export function buildUserSession(random, userId, lastActivity) {
  return JSON.stringify({
    sessionId: random.hex(32),
    userId,
    device: random.pick(USER_AGENTS),
    lastActivity,
  });
}

// ---------------------------------------------------------------------------------------------
// Writing in pipelines

/**
 * Queues commands on a pipeline and sends it every BATCH_SIZE commands. Counts keys, not
 * commands, because one key can take several (HSET + EXPIRE, or 50 SADDs for a big set).
 */
function createBatchWriter(redis) {
  let pipeline = redis.pipeline();
  let keysWritten = 0;

  async function flush() {
    if (pipeline.length === 0) return;
    const sent = pipeline;
    pipeline = redis.pipeline();
    const results = await sent.exec();
    const failure = results?.find(([error]) => error);
    if (failure) throw new Error(`demo seed: a pipelined command failed: ${failure[0].message}`);
  }

  return {
    /** Queues the commands that write one key, then sends the batch if it is full. */
    async writeKey(queueCommands) {
      queueCommands(pipeline);
      keysWritten += 1;
      if (pipeline.length >= BATCH_SIZE) await flush();
    },
    flush,
    get keysWritten() {
      return keysWritten;
    },
  };
}

/** Splits `items` into arrays of at most `size`, so no single command carries 50,000 arguments. */
function chunks(items, size = 1000) {
  const result = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

// ---------------------------------------------------------------------------------------------
// db 0: the cache

async function seedRecipes(writer) {
  const random = randomFor('recipes-without-ttl');
  // The ids that were cached with a plain SET: spread over the whole range, never the hot set.
  const withoutTtl = new Set();
  while (withoutTtl.size < COUNTS.recipesWithoutTtl) withoutTtl.add(random.int(HOT_RECIPE_COUNT + 1, COUNTS.recipes));

  for (let id = 1; id <= COUNTS.recipes; id += 1) {
    const key = `recipe:${id}`;
    const value = buildRecipe(id);
    await writer.writeKey((p) => (withoutTtl.has(id) ? p.set(key, value) : p.set(key, value, 'EX', recipeTtlSeconds(id))));
  }
}

async function seedSearches(writer) {
  const random = randomFor('searches');
  const seen = new Set();
  let written = 0;
  while (written < COUNTS.searches) {
    const query = randomSearchQuery(random, { page: random.int(1, 40) });
    const key = searchKey(query);
    if (seen.has(key)) continue;
    seen.add(key);
    const value = buildSearchResults(random, query, random.int(4, 16));
    const withoutTtl = written < COUNTS.searchesWithoutTtl;
    // Seeded as if written over the last 30 minutes, so they keep expiring during the demo.
    const ttl = random.int(MINUTE, TTL.search);
    await writer.writeKey((p) => (withoutTtl ? p.set(key, value) : p.set(key, value, 'EX', ttl)));
    written += 1;
  }
}

async function seedPopularLists(writer) {
  for (const category of CATEGORIES) {
    const random = randomFor(`popular:${category}`);
    const scoresAndMembers = [];
    for (let rank = 0; rank < 100; rank += 1) {
      scoresAndMembers.push(random.int(50, 30_000), String(random.int(1, COUNTS.recipes)));
    }
    const key = `popular:recipes:${category}`;
    await writer.writeKey((p) => p.unlink(key).zadd(key, ...scoresAndMembers));
  }
}

async function seedPreferences(writer) {
  const random = randomFor('preferences');
  for (let userId = 1; userId <= COUNTS.preferences; userId += 1) {
    const key = `user:${userId}:preferences`;
    const fields = {
      diet: random.pick(DIETS),
      allergies: JSON.stringify(ALLERGENS.filter(() => random.chance(0.12))),
      calorieTarget: String(random.int(14, 32) * 100),
      proteinTargetG: String(random.int(60, 220)),
      mealsPerDay: String(random.int(2, 6)),
      cuisines: JSON.stringify([random.pick(CUISINES), random.pick(CUISINES)]),
      units: random.pick(['metric', 'imperial']),
      updatedAt: isoAt(random.int(0, 30 * DAY)),
    };
    const ttl = random.int(DAY, TTL.preferences);
    await writer.writeKey((p) => p.hset(key, fields).expire(key, ttl));
  }
}

async function seedProgress(writer) {
  const random = randomFor('progress');
  for (let userId = 1; userId <= COUNTS.progressUsers; userId += 1) {
    for (let entry = 0; entry < COUNTS.progressEntriesPerUser; entry += 1) {
      // One entry every ~9 days over the last 90, so dates never repeat for a user.
      const ageDays = entry * 9 + random.int(0, 8);
      const type = random.pick(PROGRESS_TYPES);
      const key = `progress:${userId}:${type}:${dayOffset(-ageDays)}`;
      const value = JSON.stringify({
        userId,
        type,
        value: type === 'weight' ? round1(55 + random.next() * 50) : random.int(1, 100),
        unit: { weight: 'kg', bodyfat: '%', measurements: 'cm', workout: 'min', water: 'dl' }[type],
        note: random.chance(0.2) ? 'felt great today' : undefined,
        recordedAt: isoAt(ageDays * DAY),
      });
      // The 90-day policy counts from the day of the entry.
      await writer.writeKey((p) => p.set(key, value, 'EX', TTL.progress - ageDays * DAY));
    }
  }
}

/** Keys no policy pattern matches: leftovers from imports and an old cache layer. */
async function seedUnclassified(writer) {
  const random = randomFor('unclassified');
  for (let n = 0; n < COUNTS.tmpImports; n += 1) {
    const key = `tmp:import:${20260000 + Math.floor(n / 50)}:${n}`;
    await writer.writeKey((p) => p.set(key, JSON.stringify({ row: n, status: 'pending', source: 'csv' })));
  }
  for (let n = 0; n < COUNTS.legacyCache; n += 1) {
    await writer.writeKey((p) => p.set(`legacy_cache_${n}`, random.hex(random.int(64, 512))));
  }
  for (let n = 0; n < COUNTS.rateLimits; n += 1) {
    const key = `ratelimit:api:10.0.${Math.floor(n / 250)}.${n % 250}`;
    await writer.writeKey((p) => p.set(key, String(random.int(1, 120)), 'EX', random.int(5, 60)));
  }
}

async function seedBigKeys(writer) {
  const random = randomFor('big-keys');

  const allIds = Array.from({ length: BIG_SIZES.set }, (_, i) => String(i + 1));
  await writer.writeKey((p) => {
    p.unlink(BIG_KEYS.set);
    for (const part of chunks(allIds)) p.sadd(BIG_KEYS.set, ...part);
  });

  const jobs = Array.from({ length: BIG_SIZES.list }, (_, i) =>
    JSON.stringify({ job: i + 1, userId: random.int(1, COUNTS.preferences), week: dayOffset(7), kind: 'generate', attempts: 0 }),
  );
  await writer.writeKey((p) => {
    p.unlink(BIG_KEYS.list);
    for (const part of chunks(jobs)) p.rpush(BIG_KEYS.list, ...part);
  });

  const viewFields = Array.from({ length: BIG_SIZES.hash }, (_, i) => [String(i + 1), String(random.int(0, 100_000))]).flat();
  await writer.writeKey((p) => {
    p.unlink(BIG_KEYS.hash);
    for (const part of chunks(viewFields, 2000)) p.hset(BIG_KEYS.hash, ...part);
  });

  const ranking = Array.from({ length: BIG_SIZES.zset }, (_, i) => [random.int(0, 100_000), String(i + 1)]).flat();
  await writer.writeKey((p) => {
    p.unlink(BIG_KEYS.zset);
    for (const part of chunks(ranking, 2000)) p.zadd(BIG_KEYS.zset, ...part);
  });

  await writer.writeKey((p) => p.set(BIG_KEYS.string, buildCatalogExport()));

  // Explicit, increasing entry ids (one a minute before DATASET_DAY) keep the stream deterministic.
  const firstEntryMs = DATASET_MS - BIG_SIZES.stream * 60_000;
  await writer.writeKey((p) => {
    p.unlink(BIG_KEYS.stream);
    for (let i = 0; i < BIG_SIZES.stream; i += 1) {
      const type = random.pick(PROGRESS_TYPES);
      p.xadd(BIG_KEYS.stream, `${firstEntryMs + i * 60_000}-0`, 'userId', String(random.int(1, COUNTS.progressUsers)), 'type', type, 'value', String(random.int(1, 100)));
    }
  });
}

/** A JSON array of recipe summaries, just over 2 MiB. */
function buildCatalogExport() {
  const random = randomFor('catalog-export');
  const parts = [];
  let bytes = 2;
  for (let id = 1; bytes < BIG_SIZES.stringBytes; id += 1) {
    const summary = JSON.stringify({ id, name: `${random.pick(ADJECTIVES)} ${random.pick(MAINS)} ${random.pick(DISHES)}`, category: random.pick(CATEGORIES), calories: random.int(150, 900) });
    parts.push(summary);
    bytes += summary.length + 1;
  }
  return `[${parts.join(',')}]`;
}

/** Key names with bytes that break naive UIs: invalid UTF-8, control characters, markup, globs. */
async function seedSpecialKeys(writer) {
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.invalidUtf8, Buffer.from([0x00, 0x01, 0xfe, 0xff, 0x80, 0x7f, 0x0a, 0x0d])));
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.newlineAndTab, JSON.stringify({ note: 'a key name with a newline\nand a tab\tinside' }), 'EX', TTL.search));
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.accents, JSON.stringify({ id: 'crème-brûlée', name: 'Crème brûlée légère', cuisine: 'française' }), 'EX', 12 * HOUR));
  await writer.writeKey((p) =>
    p.hset(SPECIAL_KEYS.accentsHash, { régime: 'végétarien', allergènes: 'noix, arachides', 'cuisine préférée': 'japonaise 日本料理' }).expire(SPECIAL_KEYS.accentsHash, TTL.preferences),
  );
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.cjk, JSON.stringify({ 名称: '番茄炒蛋', 卡路里: 320, 标签: ['家常菜', '快手'] })));
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.emoji, JSON.stringify({ name: 'Avocado toast 🥑🍞', rating: '⭐⭐⭐⭐' }), 'EX', 6 * HOUR));
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.rightToLeft, JSON.stringify({ name: 'حمص بالطحينة', calories: 250 })));
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.markup, MARKUP_VALUE));
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.glob, JSON.stringify({ query: { q: '*', draft: true }, results: [] }), 'EX', TTL.search));
  await writer.writeKey((p) => p.set(SPECIAL_KEYS.long, 'imported 0 of 1,204 rows'));
}

// ---------------------------------------------------------------------------------------------
// db 1: sessions

async function seedSessions(writer) {
  const random = randomFor('sessions');
  for (let n = 0; n < COUNTS.sessions; n += 1) {
    const key = `session:${random.hex(32)}`;
    const idleSeconds = random.int(0, TTL.session - 5 * MINUTE);
    const fields = {
      userId: String(random.int(1, COUNTS.preferences)),
      createdAt: isoAt(idleSeconds + random.int(0, 2 * HOUR)),
      lastActivity: isoAt(idleSeconds),
      ip: `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      userAgent: random.pick(USER_AGENTS),
      csrfToken: random.hex(40),
    };
    // Sliding expiration: the TTL left is 24 h minus the time since the last request.
    await writer.writeKey((p) => p.hset(key, fields).expire(key, TTL.session - idleSeconds));
  }
  for (let userId = 1; userId <= COUNTS.userSessions; userId += 1) {
    const idleSeconds = random.int(0, TTL.session - 5 * MINUTE);
    const value = buildUserSession(random, userId, isoAt(idleSeconds));
    await writer.writeKey((p) => p.set(`user:${userId}:session`, value, 'EX', TTL.session - idleSeconds));
  }
}

// ---------------------------------------------------------------------------------------------
// db 2: meal plans

function buildDayPlan(random, userId, date) {
  const meal = () => ({ recipeId: random.int(1, COUNTS.recipes), servings: random.int(1, 2), calories: random.int(150, 900) });
  const meals = { breakfast: meal(), lunch: meal(), dinner: meal(), snacks: [meal(), meal()].slice(0, random.int(0, 2)) };
  const total = [meals.breakfast, meals.lunch, meals.dinner, ...meals.snacks].reduce((sum, m) => sum + m.calories, 0);
  return JSON.stringify({ userId, date, meals, totals: { calories: total, proteinG: random.int(60, 200) }, generatedBy: 'planner-v3' });
}

async function seedMealPlans(writer) {
  const random = randomFor('meal-plans');
  for (let userId = 1; userId <= COUNTS.mealPlanUsers; userId += 1) {
    // Plans are generated once a week for the coming week and live 7 days from generation.
    const ageSeconds = random.int(HOUR, TTL.mealPlan - HOUR);
    for (let day = 0; day < COUNTS.mealPlanDays; day += 1) {
      const date = dayOffset(day);
      await writer.writeKey((p) => p.set(`user:${userId}:mealplan:${date}`, buildDayPlan(random, userId, date), 'EX', TTL.mealPlan - ageSeconds));
    }
  }
  for (let n = 0; n < COUNTS.mealPlanDocs / 2; n += 1) {
    const planId = random.uuid();
    const ttl = random.int(HOUR, TTL.mealPlan);
    const summaryKey = `mealplan:${planId}:summary`;
    const shoppingKey = `mealplan:${planId}:shopping-list`;
    const summary = {
      userId: String(random.int(1, COUNTS.preferences)),
      weekStart: DATASET_DAY,
      calorieTarget: String(random.int(14, 32) * 100),
      status: random.pick(['draft', 'active', 'archived']),
      recipeCount: String(random.int(14, 28)),
    };
    const items = Array.from({ length: random.int(8, 30) }, () => `${random.int(1, 5)} x ${random.pick(INGREDIENTS)}`);
    await writer.writeKey((p) => p.hset(summaryKey, summary).expire(summaryKey, ttl));
    await writer.writeKey((p) => p.unlink(shoppingKey).rpush(shoppingKey, ...items).expire(shoppingKey, ttl));
  }
}

// ---------------------------------------------------------------------------------------------

const PLAN = [
  { db: DB.cache, steps: [seedRecipes, seedSearches, seedPopularLists, seedPreferences, seedProgress, seedUnclassified, seedBigKeys, seedSpecialKeys] },
  { db: DB.sessions, steps: [seedSessions] },
  { db: DB.mealPlans, steps: [seedMealPlans] },
];

/**
 * Writes the demo dataset into dbs 0, 1 and 2. Existing keys with the same names are
 * overwritten (collections are replaced, not appended to), so running it twice is harmless.
 * Uses SELECT on `redis` and selects db 0 again at the end, even on failure.
 * @param {import('ioredis').Redis} redis a connected client
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ keysWritten: number, perDb: Record<number, number> }>}
 */
export async function seedDemoData(redis, { log = () => {} } = {}) {
  const startedAt = Date.now();
  /** @type {Record<number, number>} */
  const perDb = {};
  try {
    for (const { db, steps } of PLAN) {
      await redis.select(db);
      const writer = createBatchWriter(redis);
      for (const step of steps) {
        const before = writer.keysWritten;
        await step(writer);
        log(`seed db ${db}: ${step.name.replace(/^seed/, '')}: ${writer.keysWritten - before} keys`);
      }
      await writer.flush();
      perDb[db] = writer.keysWritten;
    }
  } catch (error) {
    // Leave the shared client on db 0 if we can, but report the first failure, not this one.
    await redis.select(DB.cache).catch(() => {});
    throw error;
  }
  await redis.select(DB.cache);
  const keysWritten = Object.values(perDb).reduce((sum, n) => sum + n, 0);
  log(`seed: ${keysWritten} keys in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return { keysWritten, perDb };
}
