/** How well predicted segments agree with the k-means labels. */

/** confusion[actual][predicted] counts. */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, k: number): number[][] {
  if (actual.length !== predicted.length) throw new Error(`confusionMatrix: ${actual.length} labels but ${predicted.length} predictions`);
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const [a, p] = [actual[i], predicted[i]];
    if (!(a >= 0 && a < k && p >= 0 && p < k)) throw new Error(`confusionMatrix: row ${i} has label ${a}, prediction ${p}; both must be in 0..${k - 1}`);
    confusion[a][p]++;
  }
  return confusion;
}

/** Share of the rows on the diagonal. */
export function measureAccuracy(confusion: readonly (readonly number[])[]): number {
  let correct = 0;
  let total = 0;
  confusion.forEach((row, a) =>
    row.forEach((count, p) => {
      total += count;
      if (a === p) correct += count;
    }),
  );
  if (total === 0) throw new Error("measureAccuracy: the confusion matrix is empty");
  return correct / total;
}
