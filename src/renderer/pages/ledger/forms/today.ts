import dayjs from 'dayjs';

/** Today as a legal date ('YYYY-MM-DD') on this computer's calendar (the bureau's, China time): the default of a "when did it happen" field. */
export const todayLegal = () => dayjs().format('YYYY-MM-DD');
