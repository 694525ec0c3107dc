import { z } from 'zod';
import { uuidSchema, wallTimeSchema } from './common';
import { openingHoursSchema, weekdaySchema } from './locations';

/** The catering catalog: who delivers (providers) and what they offer (items). */

export const PROVIDER_KINDS = ['internal-kitchen', 'external-caterer', 'facility-service'] as const;
export const providerKindSchema = z.enum(PROVIDER_KINDS);
export type ProviderKind = z.infer<typeof providerKindSchema>;

export const ITEM_CATEGORIES = ['breakfast', 'lunch', 'drinks', 'snacks', 'equipment-setup'] as const;
export const itemCategorySchema = z.enum(ITEM_CATEGORIES);
export type ItemCategory = z.infer<typeof itemCategorySchema>;

export const ITEM_UNITS = ['per-person', 'per-item'] as const;
export const itemUnitSchema = z.enum(ITEM_UNITS);
export type ItemUnit = z.infer<typeof itemUnitSchema>;

export const DIETARY_LABELS = ['vegetarian', 'vegan', 'gluten-free', 'halal', 'kosher', 'lactose-free'] as const;
export const dietaryLabelSchema = z.enum(DIETARY_LABELS);
export type DietaryLabel = z.infer<typeof dietaryLabelSchema>;

/** The 14 allergens that EU Regulation 1169/2011 (Annex II) requires caterers to declare. */
export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export const allergenSchema = z.enum(ALLERGENS);
export type Allergen = z.infer<typeof allergenSchema>;

/** Upper bounds that keep one catalog entry from being used to store or compute absurd amounts. */
export const CATALOG_LIMITS = {
  nameLength: 120,
  descriptionLength: 2000,
  buildingsPerProvider: 200,
  /** 1,000,000.00 in a two-decimal currency. */
  maxPriceMinor: 100_000_000,
  /** 60 days. */
  maxLeadTimeHours: 1440,
  webhookSecretMinLength: 16,
  webhookSecretMaxLength: 256,
} as const;

const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code in upper case, e.g. EUR. */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
  .refine((code) => knownCurrencies.has(code), 'is not an ISO 4217 currency')
  .meta({ example: 'EUR' });

const nameSchema = z.string().trim().min(1).max(CATALOG_LIMITS.nameLength);
const descriptionSchema = z.string().trim().max(CATALOG_LIMITS.descriptionLength);
const webhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .meta({ example: 'https://caterer.example.com/roomserve/hook' });
const webhookSecretSchema = z
  .string()
  .min(CATALOG_LIMITS.webhookSecretMinLength)
  .max(CATALOG_LIMITS.webhookSecretMaxLength);
const hoursSchema = z.number().int().min(0).max(CATALOG_LIMITS.maxLeadTimeHours);

/** Labels are sets: duplicates are refused rather than silently merged. */
function uniqueList<T extends z.ZodType>(element: T, max: number) {
  return z
    .array(element)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'must not repeat an entry');
}

// ---- Providers -------------------------------------------------------------------------------

export const providerSchema = z
  .object({
    id: uuidSchema,
    name: z.string(),
    kind: providerKindSchema,
    /** The buildings it delivers to. */
    buildingIds: z.array(uuidSchema),
    contactEmail: z.string(),
    webhookUrl: z.string().nullable(),
    /** The webhook signing secret itself is write-only and never returned. */
    webhookSecretSet: z.boolean(),
    /** When it delivers, in the local time of the building it delivers to; a weekday left out is closed. */
    workingHours: openingHoursSchema,
    active: z.boolean(),
  })
  .meta({ id: 'CateringProvider' });
/** A provider with its webhook, as stored and as the facility team and admins see it. */
export type ProviderDetails = z.infer<typeof providerSchema>;

/** A provider as a reader sees it: where its webhook points is shown to the facility team and admins only. */
export const providerViewSchema = providerSchema
  .extend({ webhookUrl: z.string().nullable().optional(), webhookSecretSet: z.boolean().optional() })
  .meta({ id: 'CateringProviderView' });
export type Provider = z.infer<typeof providerViewSchema>;

export const providerInputSchema = z
  .object({
    name: nameSchema,
    kind: providerKindSchema,
    buildingIds: uniqueList(uuidSchema, CATALOG_LIMITS.buildingsPerProvider).default([]),
    contactEmail: z.email().max(254),
    webhookUrl: webhookUrlSchema.nullable().default(null),
    /**
     * Write-only HMAC-SHA256 key for webhook signatures. Omit it to keep the stored one, or to
     * have one generated when a webhook URL is first set.
     */
    webhookSecret: webhookSecretSchema.optional(),
    workingHours: openingHoursSchema,
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'CateringProviderInput' });
export type ProviderInput = z.infer<typeof providerInputSchema>;

export const providerPatchSchema = providerInputSchema
  .extend({
    buildingIds: uniqueList(uuidSchema, CATALOG_LIMITS.buildingsPerProvider),
    webhookUrl: webhookUrlSchema.nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .meta({ id: 'CateringProviderPatch' });
export type ProviderPatch = z.infer<typeof providerPatchSchema>;

/**
 * Internal addresses or networks that provider webhooks may reach (an internal caterer's system).
 * Loopback, link-local, private and unique-local destinations not listed here are refused.
 */
export const webhookAllowListSchema = z
  .object({
    entries: z
      .array(
        z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
          error: 'must be an IP address or a network in CIDR notation, e.g. 10.20.0.0/16',
        }),
      )
      .max(100)
      .refine((list) => new Set(list).size === list.length, 'must not repeat an entry'),
  })
  .strict()
  .meta({ id: 'WebhookAllowList', example: { entries: ['10.20.0.0/16', '192.168.5.12'] } });
export type WebhookAllowList = z.infer<typeof webhookAllowListSchema>;

// ---- Items -----------------------------------------------------------------------------------

const availabilityIntervalSchema = z
  .object({ from: wallTimeSchema, to: wallTimeSchema })
  .refine((i) => i.from < i.to, { message: 'from must be before to' });

/**
 * Per weekday, the local times (in the delivery building's zone) an item can be delivered; a
 * weekday left out is unavailable. `null` on an item means: whenever its provider works.
 */
export const itemAvailabilitySchema = z
  .partialRecord(weekdaySchema, z.array(availabilityIntervalSchema).max(4))
  .meta({ id: 'CateringItemAvailability', example: { mon: [{ from: '07:00', to: '11:00' }] } });
export type ItemAvailability = z.infer<typeof itemAvailabilitySchema>;

export const itemSchema = z
  .object({
    id: uuidSchema,
    providerId: uuidSchema,
    name: z.string(),
    description: z.string(),
    category: itemCategorySchema,
    /** Price per unit in the currency's minor unit (cents for EUR). */
    priceMinor: z.number().int().nonnegative(),
    currency: z.string(),
    unit: itemUnitSchema,
    dietary: z.array(dietaryLabelSchema),
    allergens: z.array(allergenSchema),
    imageFileId: uuidSchema.nullable(),
    /** Where the image is served (GET /api/files/:id), null without one. */
    imageUrl: z.string().nullable(),
    /** The minimum time between ordering and delivery. */
    leadTimeHours: z.number().int(),
    /** Orders of this item can be changed or cancelled until this many hours before delivery. */
    changeCutoffHours: z.number().int(),
    availability: itemAvailabilitySchema.nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'CateringItem' });
export type Item = z.infer<typeof itemSchema>;

const itemFields = {
  providerId: uuidSchema,
  name: nameSchema,
  description: descriptionSchema,
  category: itemCategorySchema,
  priceMinor: z.number().int().min(0).max(CATALOG_LIMITS.maxPriceMinor),
  currency: currencySchema,
  unit: itemUnitSchema,
  dietary: uniqueList(dietaryLabelSchema, DIETARY_LABELS.length),
  allergens: uniqueList(allergenSchema, ALLERGENS.length),
  /** An uploaded image (POST /api/files). */
  imageFileId: uuidSchema.nullable(),
  leadTimeHours: hoursSchema,
  changeCutoffHours: hoursSchema,
  availability: itemAvailabilitySchema.nullable(),
  active: z.boolean(),
};

export const itemInputSchema = z
  .object({
    ...itemFields,
    description: itemFields.description.default(''),
    unit: itemFields.unit.default('per-item'),
    dietary: itemFields.dietary.default([]),
    allergens: itemFields.allergens.default([]),
    imageFileId: itemFields.imageFileId.default(null),
    leadTimeHours: itemFields.leadTimeHours.default(24),
    changeCutoffHours: itemFields.changeCutoffHours.default(24),
    availability: itemFields.availability.default(null),
    active: itemFields.active.default(true),
  })
  .strict()
  .meta({ id: 'CateringItemInput' });
export type ItemInput = z.infer<typeof itemInputSchema>;

/** An item cannot move to another provider: its orders were placed with this one. */
export const itemPatchSchema = z
  .object(itemFields)
  .omit({ providerId: true })
  .partial()
  .strict()
  .meta({ id: 'CateringItemPatch' });
export type ItemPatch = z.infer<typeof itemPatchSchema>;

export const itemListQuerySchema = z
  .object({
    providerId: uuidSchema.optional(),
    buildingId: uuidSchema.optional(),
    category: itemCategorySchema.optional(),
    activeOnly: z.enum(['true', 'false']).default('false'),
  })
  .meta({ id: 'CateringItemQuery' });
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;

// ---- Menu (what can be ordered for one room) -------------------------------------------------

export const menuQuerySchema = z.object({ roomId: uuidSchema }).meta({ id: 'CateringMenuQuery' });

export const menuProviderSchema = providerSchema
  .pick({ id: true, name: true, kind: true, workingHours: true })
  .meta({ id: 'CateringMenuProvider' });

export const menuSchema = z
  .object({
    roomId: uuidSchema,
    buildingId: uuidSchema,
    /** The zone that working hours and availability are read in. */
    timeZone: z.string(),
    providers: z.array(
      z.object({
        provider: menuProviderSchema,
        /** Only categories with at least one item, in ITEM_CATEGORIES order; items by name. */
        categories: z.array(z.object({ category: itemCategorySchema, items: z.array(itemSchema) })),
      }),
    ),
  })
  .meta({ id: 'CateringMenu' });
export type Menu = z.infer<typeof menuSchema>;
