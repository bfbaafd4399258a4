import type { AttendanceLetterWords } from '../../../shared/release';

/**
 * The attendance letter as the core worded it (the documents module's own words), laid out like the PDF:
 * what the recipient will read, and nothing else.
 */
export function LetterPreview({ letter }: { letter: AttendanceLetterWords }) {
  return (
    <article className="letter-preview" aria-label="The letter">
      <header className="letter-head">
        <div>
          <p className="letter-practice">{letter.letterhead.practiceName}</p>
          {letter.letterhead.tagline ? <p className="letter-tagline">{letter.letterhead.tagline}</p> : null}
        </div>
        {letter.letterhead.addressLines.length > 0 ? (
          <p className="letter-address">
            {letter.letterhead.addressLines.map((line, index) => (
              <span key={index}>{line}</span>
            ))}
          </p>
        ) : null}
      </header>
      <p className="letter-marking">{letter.marking}</p>
      <div className="letter-addressee">
        <p>
          {letter.recipientLines.map((line, index) => (
            <span key={index}>{line}</span>
          ))}
        </p>
        <p className="letter-reference">
          <span>{letter.reference}</span>
          <span>{letter.date}</span>
        </p>
      </div>
      <p>{letter.salutation}</p>
      <p className="letter-subject">{letter.subject}</p>
      {letter.opening.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
      {letter.datesHeading ? (
        <>
          <p>{letter.datesHeading}</p>
          <ul className="letter-dates" aria-label="Dates of sessions attended">
            {letter.dates.map((date, index) => (
              <li key={index}>{date}</li>
            ))}
          </ul>
        </>
      ) : null}
      {letter.otherCountsHeading ? (
        <>
          <p>{letter.otherCountsHeading}</p>
          <ul className="letter-counts">
            {letter.otherCounts.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {letter.closingParagraphs.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
      <p>{letter.valediction}</p>
      <p className="letter-signature">
        <strong>{letter.signature.name}</strong>
        <span>{letter.signature.role}</span>
        <span>{letter.signature.practiceName}</span>
      </p>
    </article>
  );
}

/** The CSV's cells as a spreadsheet will show them. */
export function CsvPreview({ rows }: { rows: string[][] }) {
  const [header, ...body] = rows;
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen.
    <div className="csv-preview" tabIndex={0} role="region" aria-label="The CSV file">
      <table className="table">
        <caption className="visually-hidden">The CSV file, cell by cell</caption>
        <thead>
          <tr>
            {(header ?? []).map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
