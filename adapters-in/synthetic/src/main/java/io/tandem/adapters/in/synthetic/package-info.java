/**
 * A seeded generator of realistic interaction data: users with latent tastes over item categories, items
 * with categories and quality, slates of impressions with position bias, and the clicks, views, likes, carts
 * and purchases they lead to. The demo and most tests use it, so nothing needs a download.
 */
package io.tandem.adapters.in.synthetic;
