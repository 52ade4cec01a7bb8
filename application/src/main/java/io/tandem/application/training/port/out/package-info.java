/** What training needs: retriever and ranker trainers, the ranker's export and the retrievers' encoding. */
package io.tandem.application.training.port.out;
