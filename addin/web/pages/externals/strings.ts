/** Texts of the pages an external's email links open. */
export const externalLinkStrings = {
  accept: {
    title: 'Welcome to Roomserve',
    intro:
      'You were invited to book meeting rooms. Choose a password, or continue without one: then we email you a sign-in link each time.',
    password: 'Password',
    passwordHint: 'At least 12 characters.',
    repeat: 'Repeat the password',
    submit: 'Set password and sign in',
    submitting: 'Signing in…',
    passwordless: 'Continue without a password',
    tooShort: 'Choose a password of at least 12 characters.',
    mismatch: 'The two passwords differ.',
  },
  signIn: {
    title: 'Sign in to Roomserve',
    intro: 'This link signs you in once, within 15 minutes of asking for it.',
    submit: 'Sign in',
    submitting: 'Signing in…',
  },
  missingToken: 'This address lacks its token. Open the link from the email again.',
  newLink: 'Email me a new sign-in link',
};
