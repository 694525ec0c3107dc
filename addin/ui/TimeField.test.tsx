/** @jest-environment jsdom */
import './testing/jsdomGlobals';
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, Field, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { TimeField } from './TimeField';
import { parseTimeText, timeChoices } from './time';

function Harness({ initial, onValue }: { initial: string; onValue: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <button type="button" onClick={() => setValue('08:00')}>
        Reset
      </button>
      <Field label="From">
        <TimeField
          value={value}
          onChange={(v) => {
            setValue(v);
            onValue(v);
          }}
        />
      </Field>
    </FluentProvider>
  );
}

describe('parseTimeText', () => {
  it.each([
    ['9', '09:00'],
    ['930', '09:30'],
    ['09:30', '09:30'],
    ['15.45', '15:45'],
    ['1545', '15:45'],
    ['3 pm', '15:00'],
    ['12 am', '00:00'],
    ['12pm', '12:00'],
    ['7:30 a.m.', '07:30'],
  ])('reads "%s" as %s', (typed, expected) => {
    expect(parseTimeText(typed)).toBe(expected);
  });

  it.each(['24:00', '9:7', '13 pm', '12:60', 'noon', ''])('refuses "%s"', (typed) => {
    expect(parseTimeText(typed)).toBeUndefined();
  });

  it('offers the day in 15-minute steps on the 24-hour clock', () => {
    const choices = timeChoices(15);
    expect(choices).toHaveLength(96);
    expect(choices.slice(0, 2)).toEqual(['00:00', '00:15']);
    expect(choices).toContain('15:00');
    expect(choices.at(-1)).toBe('23:45');
  });
});

describe('the time field', () => {
  it('shows the 24-hour clock, never AM/PM, and takes a typed time', async () => {
    const user = userEvent.setup();
    const seen = jest.fn<(v: string) => void>();
    render(<Harness initial="15:00" onValue={seen} />);
    const input = screen.getByRole('combobox', { name: 'From' });
    expect(input).toHaveProperty('value', '15:00');

    await user.clear(input);
    await user.type(input, '930');
    expect(seen).toHaveBeenLastCalledWith('09:30');
    await user.tab();
    expect(input).toHaveProperty('value', '09:30');
  });

  it('suggests 15-minute steps on the 24-hour clock', () => {
    render(<Harness initial="09:00" onValue={() => undefined} />);
    const input = screen.getByRole('combobox', { name: 'From' });
    const list = document.getElementById(input.getAttribute('list') ?? '');
    const options = [...(list?.querySelectorAll('option') ?? [])].map((o) => o.value);
    expect(options).toHaveLength(96);
    expect(options).toContain('14:45');
    expect(options).not.toContainEqual(expect.stringMatching(/AM|PM/));
  });

  it('shows a time set from outside instead of what was typed', async () => {
    const user = userEvent.setup();
    render(<Harness initial="09:00" onValue={() => undefined} />);
    const input = screen.getByRole('combobox', { name: 'From' });
    await user.clear(input);
    await user.type(input, '1545');
    expect(input).toHaveProperty('value', '1545');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(input).toHaveProperty('value', '08:00');
  });

  it('keeps what cannot be read as a time, for the form to refuse', async () => {
    const user = userEvent.setup();
    const seen = jest.fn<(v: string) => void>();
    render(<Harness initial="09:00" onValue={seen} />);
    const input = screen.getByRole('combobox', { name: 'From' });
    await user.clear(input);
    await user.type(input, '25');
    await user.tab();
    expect(seen).toHaveBeenLastCalledWith('25');
    expect(input).toHaveProperty('value', '25');
  });
});
