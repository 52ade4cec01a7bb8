/** What serving needs: the ranker and retrievers loaded from their bytes, and the rule-based fallback. */
package io.tandem.application.serving.port.out;
