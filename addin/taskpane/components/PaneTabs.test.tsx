/** @jest-environment jsdom */
import '../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { PaneTabs, type PaneTab } from './PaneTabs';

type Name = 'rooms' | 'catering' | 'orders';

const TABS: readonly PaneTab<Name>[] = [
  { value: 'rooms', label: 'Rooms', id: 'tab-rooms' },
  { value: 'catering', label: 'Catering', id: 'tab-catering' },
  { value: 'orders', label: 'Orders', id: 'tab-orders' },
];

function Tabs() {
  const [selected, setSelected] = useState<Name>('rooms');
  return (
    <>
      <button type="button">Before</button>
      <PaneTabs tabs={TABS} selected={selected} onSelect={setSelected} label="Sections" panelId="panel" />
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${selected}`}>
        {selected} panel
      </div>
    </>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('the pane tabs', () => {
  it('is a labelled tablist whose selected tab names the panel', () => {
    render(<Tabs />);

    expect(screen.getByRole('tablist', { name: 'Sections' })).toBeTruthy();
    expect(tab('Rooms').getAttribute('aria-selected')).toBe('true');
    expect(tab('Catering').getAttribute('aria-selected')).toBe('false');
    expect(tab('Catering').getAttribute('aria-controls')).toBe('panel');
    expect(screen.getByRole('tabpanel', { name: 'Rooms' }).textContent).toBe('rooms panel');
  });

  it('selects a tab on click', async () => {
    const user = userEvent.setup();
    render(<Tabs />);

    await user.click(tab('Catering'));

    expect(tab('Catering').getAttribute('aria-selected')).toBe('true');
    expect(tab('Rooms').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByRole('tabpanel', { name: 'Catering' }).textContent).toBe('catering panel');
  });

  it('is one tab stop: Tab reaches the selected tab, arrows and Home/End move, Enter selects', async () => {
    const user = userEvent.setup();
    render(<Tabs />);

    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(document.activeElement).toBe(tab('Rooms'));

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Catering'));
    expect(tab('Rooms').getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{End}');
    expect(document.activeElement).toBe(tab('Orders'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Rooms'));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tab('Orders'));
    await user.keyboard('{Home}{ArrowRight}{Enter}');

    expect(tab('Catering').getAttribute('aria-selected')).toBe('true');
    expect(tab('Catering').tabIndex).toBe(0);
    expect(tab('Rooms').tabIndex).toBe(-1);
    // The other tabs are not tab stops: Tab leaves the list.
    await user.tab();
    expect(screen.getAllByRole('tab')).not.toContain(document.activeElement);
  });
});
