/**
 * Attribution of what users did to what was served: served lists (request id, experiment, variant, user, items
 * with positions and propensities) and the follow-up events that quote the request id (impression, click,
 * add-to-cart, purchase) fold into per-variant, per-day online metrics. Impressions are the denominator; clicks
 * and purchases without an impression count for the request only. The aggregate is incremental and gives the
 * same figures when recomputed from the log in any order.
 */
package io.tandem.domain.experiment.attribution;
