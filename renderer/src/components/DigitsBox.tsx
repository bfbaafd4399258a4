/** One labelled box of a date or time entered as separate numbers (day, month, year; hour, minutes). */
export function DigitsBox(props: {
  id: string;
  label: string;
  value: string;
  width: 'short' | 'long';
  invalid: true | undefined;
  onChange(value: string): void;
}) {
  return (
    <div className="date-part">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className={`date-input date-input--${props.width}`}
        inputMode="numeric"
        autoComplete="off"
        maxLength={props.width === 'short' ? 2 : 4}
        value={props.value}
        aria-invalid={props.invalid}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
