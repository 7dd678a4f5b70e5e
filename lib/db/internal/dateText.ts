/**
 * A DateTime's text for a bulk write, remembered by its time: an import's order lines share a
 * few thousand days, and formatting each line's date anew took a tenth of writing them.
 */
const MAX_REMEMBERED = 50_000;

export function rememberedByTime(format: (date: Date) => string): (date: Date) => string {
  const texts = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = texts.get(time);
    if (text === undefined) {
      // Bounded: a column of distinct timestamps (scores' run time is one) must not grow it without end.
      if (texts.size >= MAX_REMEMBERED) texts.clear();
      text = format(date);
      texts.set(time, text);
    }
    return text;
  };
}
