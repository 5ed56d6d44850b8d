// Prices and dollar estimates, offline, from a dated snapshot of @pydantic/genai-prices.
export { PRICE_DATA, lookupPrice, type ModelPrices, type PriceOverrides, type PriceLookup } from "./prices";
export { dollarEstimate, formatDollars, type DollarEstimate, type DollarOptions } from "./dollars";
export { smallerModel, type SmallerModel } from "./smallerModel";
