import { describe, expect, it } from '@jest/globals';
import { onlineMeetingLink } from './onlineMeetingLink';

const none = { joinOnlineMeetingUrl: null, location: '', body: '' };

describe('onlineMeetingLink', () => {
  it.each([
    [
      'JoinOnlineMeetingUrl wins',
      { ...none, joinOnlineMeetingUrl: 'https://lync.example/meet/x', location: 'https://zoom.us/j/1' },
      'https://lync.example/meet/x',
    ],
    [
      'Teams link in the body',
      {
        ...none,
        body: '<a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d">Join</a>',
      },
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
    ],
    [
      'Zoom link in the location',
      { ...none, location: 'Zoom: https://acme.zoom.us/j/93412345678?pwd=abc.' },
      'https://acme.zoom.us/j/93412345678?pwd=abc',
    ],
    [
      'Webex personal room',
      { ...none, body: 'Join https://acme.webex.com/meet/jdoe now' },
      'https://acme.webex.com/meet/jdoe',
    ],
    [
      'Google Meet',
      { ...none, body: 'Video: https://meet.google.com/abc-defg-hij' },
      'https://meet.google.com/abc-defg-hij',
    ],
    [
      'location is preferred over the body',
      { ...none, location: 'https://meet.google.com/aaa-bbbb-ccc', body: 'https://zoom.us/j/1' },
      'https://meet.google.com/aaa-bbbb-ccc',
    ],
    [
      'the earliest link in one text',
      { ...none, body: 'https://zoom.us/j/42 or https://meet.google.com/aaa-bbbb-ccc' },
      'https://zoom.us/j/42',
    ],
    [
      'HTML-escaped ampersands are decoded',
      { ...none, body: 'https://zoom.us/j/5?pwd=a&amp;uname=b' },
      'https://zoom.us/j/5?pwd=a&uname=b',
    ],
    ['an ordinary link is not a call link', { ...none, body: 'Agenda: https://intranet.example/agenda' }, null],
    ['nothing at all', none, null],
    [
      'blank JoinOnlineMeetingUrl falls through',
      { ...none, joinOnlineMeetingUrl: '  ', location: 'https://zoom.us/j/7' },
      'https://zoom.us/j/7',
    ],
  ])('%s', (_name, input, expected) => {
    expect(onlineMeetingLink(input)).toBe(expected);
  });
});
