"""scikit-learn doing the jobs our trainAll does, on the same feature matrices, for `npm run bench:sklearn`.

    /usr/bin/python3 tests/bench/sklearn_same_jobs.py --segmentation seg.csv --response resp.csv [--k-min 3 --k-max 8] [--seed 42]

seg.csv holds the standardized segmentation features, resp.csv the response features and a
last column `response` (both written by tests/bench/sklearnRatio.ts from our own feature
pipelines, so feature engineering is not timed on either side). The jobs mirror trainAll:
- segmentation: three spaces (standardized, PCA to 90% of the variance, an MLPRegressor
  autoencoder 32-16-8-16-32 whose bottleneck is the space), in each k-means for every k with
  10 restarts, silhouettes on at most 5,000 rows and the stability of k over 5 subsamples of
  80% (2 restarts each, adjusted Rand index against the full fit);
- the segment classifier: an MLPClassifier 64-128-64 with early stopping on the chosen labels;
- response: 5-fold stratified CV of logistic regression (balanced, C = 0.1 as our l2 = 10) and
  an MLPClassifier 64-32 with early stopping, Platt calibration of the champion cross-fitted on
  its out-of-fold predictions, permutation importance (3 repeats) on each fold's test part, and
  both models refitted on everything.
CLV (BG/NBD, Gamma-Gamma) is not in scikit-learn and is left out. Prints per-job times, the
total (wall and CPU: the machine may be shared) and, last, one JSON line.
"""

import argparse
import json
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import adjusted_rand_score, roc_auc_score, silhouette_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor


def read_matrix(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    return header, np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)


def encode(autoencoder, x, layers):
    """Forward pass to the bottleneck (the first `layers` hidden layers), as trainAll's embedding."""
    h = x
    for i in range(layers):
        h = h @ autoencoder.coefs_[i] + autoencoder.intercepts_[i]
        if i < layers - 1:
            h = np.maximum(h, 0)
    return h


def segment(x, k_min, k_max, seed, times):
    started = time.perf_counter()
    pca = PCA(random_state=seed).fit(x)
    kept = int(np.searchsorted(np.cumsum(pca.explained_variance_ratio_), 0.9) + 1)
    spaces = {"standardized": x, "pca": pca.transform(x)[:, :kept]}
    times["segmentation.pca"] = time.perf_counter() - started

    started = time.perf_counter()
    # A ReLU bottleneck is what MLPRegressor offers; ours is linear, encode() keeps it linear.
    autoencoder = MLPRegressor(
        hidden_layer_sizes=(32, 16, 8, 16, 32), learning_rate_init=2e-3, max_iter=40, early_stopping=True,
        validation_fraction=0.1, n_iter_no_change=5, random_state=seed,
    ).fit(x, x)
    spaces["autoencoder"] = encode(autoencoder, x, 3)
    times["segmentation.autoencoder.embed"] = time.perf_counter() - started

    rng = np.random.default_rng(seed)
    best = None
    for name, space in spaces.items():
        started = time.perf_counter()
        for k in range(k_min, k_max + 1):
            labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(space)
            score = silhouette_score(x, labels, sample_size=min(5000, len(x)), random_state=seed)
            agreement = []
            for _ in range(5):
                rows = rng.choice(len(space), int(len(space) * 0.8), replace=False)
                sub = KMeans(n_clusters=k, n_init=2, random_state=int(rng.integers(1 << 31))).fit(space[rows])
                agreement.append(adjusted_rand_score(labels[rows], sub.labels_))
            if best is None or score > best[0]:
                best = (score, name, k, labels)
        times[f"segmentation.{name}.chooseK"] = time.perf_counter() - started
    return best


def classify(x, labels, seed, times):
    started = time.perf_counter()
    x_train, x_test, y_train, y_test = train_test_split(x, labels, test_size=0.2, stratify=labels, random_state=seed)
    model = MLPClassifier(
        hidden_layer_sizes=(64, 128, 64), learning_rate_init=1e-3, max_iter=100, early_stopping=True, n_iter_no_change=5, random_state=seed,
    ).fit(x_train, y_train)
    times["classifier"] = time.perf_counter() - started
    return model.score(x_test, y_test)


def logit(p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return np.log(p / (1 - p)).reshape(-1, 1)


def respond(x, y, seed, times):
    learners = {
        "logistic": lambda: LogisticRegression(C=0.1, class_weight="balanced", max_iter=1000),
        "mlp": lambda: MLPClassifier(
            hidden_layer_sizes=(64, 32), batch_size=128, learning_rate_init=2e-3, max_iter=100, early_stopping=True,
            validation_fraction=0.2, n_iter_no_change=5, random_state=seed,
        ),
    }
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(x, y))
    oof = {kind: np.zeros(len(y)) for kind in learners}
    fold_models = {kind: [] for kind in learners}
    aucs = {}
    for kind, make in learners.items():
        started = time.perf_counter()
        fold_aucs = []
        for train, test in folds:
            model = make().fit(x[train], y[train])
            oof[kind][test] = model.predict_proba(x[test])[:, 1]
            fold_aucs.append(roc_auc_score(y[test], oof[kind][test]))
            fold_models[kind].append(model)
        aucs[kind] = float(np.mean(fold_aucs))
        times[f"response.cv_{kind}"] = time.perf_counter() - started
    champion = max(aucs, key=aucs.get)

    started = time.perf_counter()
    platt = LogisticRegression(C=1e10).fit(logit(oof[champion]), y)
    for train, test in folds:
        LogisticRegression(C=1e10).fit(logit(oof[champion][train]), y[train]).predict_proba(logit(oof[champion][test]))
    times["response.calibration"] = time.perf_counter() - started

    started = time.perf_counter()
    for model, (_, test) in zip(fold_models[champion], folds):
        permutation_importance(model, x[test], y[test], scoring="roc_auc", n_repeats=3, random_state=seed)
    times["response.importance"] = time.perf_counter() - started

    started = time.perf_counter()
    for make in learners.values():
        make().fit(x, y)
    times["response.final"] = time.perf_counter() - started
    return champion, aucs, platt


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--segmentation", required=True)
    parser.add_argument("--response", required=True)
    parser.add_argument("--k-min", type=int, default=3)
    parser.add_argument("--k-max", type=int, default=8)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    _, seg = read_matrix(args.segmentation)
    header, resp = read_matrix(args.response)
    if header[-1] != "response":
        raise SystemExit(f"{args.response}: the last column must be response, got {header[-1]}")
    x, y = resp[:, :-1], resp[:, -1].astype(int)

    times = {}
    started = time.perf_counter()
    cpu_started = time.process_time()
    silhouette, space, k, labels = segment(seg, args.k_min, args.k_max, args.seed, times)
    accuracy = classify(seg, labels, args.seed, times)
    champion, aucs, _ = respond(x, y, args.seed, times)
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu_started

    for job, seconds in times.items():
        print(f"  sklearn {job:<40} {seconds:8.2f} s")
    print(f"  sklearn total (no CLV) {total:.2f} s wall, {cpu:.2f} s CPU; k={k} in {space} (silhouette {silhouette:.3f}); classifier held-out accuracy {accuracy:.3f}")
    print(f"  sklearn response CV ROC AUC " + ", ".join(f"{kind} {auc:.4f}" for kind, auc in aucs.items()) + f"; champion {champion}")
    print(json.dumps({"total": total, "cpu": cpu, "times": times, "k": int(k), "space": space, "champion": champion, "cvAuc": aucs}))


if __name__ == "__main__":
    main()
