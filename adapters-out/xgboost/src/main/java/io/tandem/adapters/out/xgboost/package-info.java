/**
 * LambdaMART ranker training with XGBoost4J ({@code rank:ndcg}); the trained booster leaves this package only
 * as the neutral {@link io.tandem.domain.model.TreeEnsemble}, so export and serving never see XGBoost types.
 */
package io.tandem.adapters.out.xgboost;
