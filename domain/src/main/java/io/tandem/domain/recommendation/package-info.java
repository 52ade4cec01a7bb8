/** Recommendations: the answer to "what should this user see", with the model and fallback that made it. */
package io.tandem.domain.recommendation;
