// A chart's figures as a table nobody sees but screen readers (and tests)
// read: the chart alone says nothing to someone who cannot see it.
interface Props {
  testId: string;
  caption: string;
  head: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  /** Sums below the rows, each headed by its first cell. */
  foot?: ReadonlyArray<readonly string[]>;
}

function Row({ cells }: { cells: readonly string[] }) {
  return <tr>{cells.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i}>{c}</td>))}</tr>;
}

export function FigureTable({ testId, caption, head, rows, foot }: Props) {
  return (
    <table className="sr-only" data-testid={testId}>
      <caption>{caption}</caption>
      <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
      <tbody>{rows.map((cells, i) => <Row key={i} cells={cells} />)}</tbody>
      {foot && foot.length > 0 && <tfoot>{foot.map((cells, i) => <Row key={i} cells={cells} />)}</tfoot>}
    </table>
  );
}
